import fc from 'fast-check';
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
