import fc from 'fast-check';
import { hashOf } from './keyed-record';
import { emptyKeyedSet, inKeyedSet, keyedSetValues, withKey } from './keyed-set';

const keys = fc.array(fc.oneof(fc.uuid(), fc.string({ maxLength: 8 })), { maxLength: 300 });

describe('KeyedSet', () => {
  it('property: holds exactly the keys added, each once, like a Set', () => {
    fc.assert(
      fc.property(keys, keys, (added, probes) => {
        const set = added.reduce(withKey, emptyKeyedSet());
        const reference = new Set(added);
        expect(keyedSetValues(set).sort()).toEqual([...reference].sort());
        for (const key of [...added, ...probes]) expect(inKeyedSet(set, key)).toBe(reference.has(key));
      }),
    );
  });

  it('property: the same keys in any order give deep-equal sets, and adding a held key returns the same set', () => {
    fc.assert(
      fc.property(keys, fc.nat(), (added, seed) => {
        const shuffled = [...added].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || (a < b ? 1 : a > b ? -1 : 0));
        const set = added.reduce(withKey, emptyKeyedSet());
        expect(shuffled.reduce(withKey, emptyKeyedSet())).toEqual(set);
        for (const key of added) expect(withKey(set, key)).toBe(set);
      }),
    );
  });

  it('adding a key leaves the set it was added to unchanged', () => {
    const before = ['a', 'b'].reduce(withKey, emptyKeyedSet());
    const copy = structuredClone(before);
    withKey(before, 'c');
    expect(before).toEqual(copy);
  });
});

describe('KeyedSet keys', () => {
  it('refuses a key holding a line feed, which separates the keys of a bucket', () => {
    expect(() => withKey(emptyKeyedSet(), 'a\nb')).toThrow('a KeyedSet key holds no line feed: "a\\nb"');
    expect(() => inKeyedSet(emptyKeyedSet(), '\n')).toThrow('no line feed');
  });

  it('tells a key from the other keys of its bucket, and a suffix from the key that holds it', () => {
    const bucket = (key: string) => hashOf(key) % (16 * 16);
    const inOne = [...new Set(Array.from({ length: 20_000 }, (_, i) => `k${i}`))].filter((key) => bucket(key) === bucket('k1'));
    const set = inOne.slice(0, 6).reduce(withKey, emptyKeyedSet());
    for (const key of inOne.slice(0, 6)) expect(inKeyedSet(set, key)).toBe(true);
    for (const key of inOne.slice(6, 12)) expect(inKeyedSet(set, key)).toBe(false);

    // Keys hash by their last 12 characters, so a key and its 12-character suffix share a bucket: only the line
    // feeds around each key tell the suffix from the key that holds it.
    for (let i = 0; i < 100; i++) {
      const suffix = String(i).padStart(12, '0');
      const held = `t-${suffix}`;
      expect(bucket(suffix)).toBe(bucket(held));
      expect(inKeyedSet(withKey(emptyKeyedSet(), held), suffix)).toBe(false);
      expect(inKeyedSet(withKey(emptyKeyedSet(), suffix), held)).toBe(false);
    }
  });
});
