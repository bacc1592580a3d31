import fc from 'fast-check';
import { hashOf } from './keyed-record';
import { emptyKeyedSet, inKeyedSet, keyedSetValues, withKey } from './keyed-set';

/** UUIDs whose bytes are often a line feed or a vertical tab, which their records escape. */
const escapedUuid = fc
  .array(fc.constantFrom('0a', '0b', '00', '01', '02', 'ff'), { minLength: 16, maxLength: 16 })
  .map((bytes) => bytes.join('').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'));
/** Other keys built from the characters the records use: vertical tab, NUL, 1 and 2. */
const recordLike = fc.array(fc.constantFrom('\v', '\0', '\x01', '\x02', 'a', '-'), { maxLength: 6 }).map((chars) => chars.join(''));
const key = fc.oneof(fc.uuid(), fc.uuid().map((uuid) => uuid.toUpperCase()), escapedUuid, recordLike, fc.string({ maxLength: 8 }));
const keys = fc.array(key, { maxLength: 300 });

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

  it('property: each bucket holds its records in code-unit order, whatever order its keys were added in', () => {
    // Keys of a quarter of the buckets only, so most additions land among records already there.
    const crowded = fc.array(fc.oneof(key, fc.nat(4_000).map((n) => `k${n}`)).filter((one) => hashOf(one) % 4 === 0), { maxLength: 200 });
    fc.assert(
      fc.property(crowded, (added) => {
        for (const keys of [added, [...added].reverse()]) {
          const buckets = keys.reduce(withKey, emptyKeyedSet()).flatMap((shelf) => (shelf ?? []).filter((bucket): bucket is string => bucket !== null));
          for (const bucket of buckets) {
            const records = bucket.slice(1, -1).split('\n');
            expect(records).toEqual([...records].sort());
          }
        }
      }),
    );
  });

  it('puts a key before a longer key it begins, in either order of adding', () => {
    const bucket = (one: string) => hashOf(one) % (16 * 16);
    const pairs = Array.from({ length: 2_000 }, (_, i) => [`p${i}`, `p${i}-${i % 97}`]);
    const [short, long] = pairs.find(([one, other]) => bucket(one) === bucket(other)) as string[];
    expect(keyedSetValues([long, short].reduce(withKey, emptyKeyedSet()))).toEqual([short, long]);
    expect([long, short].reduce(withKey, emptyKeyedSet())).toEqual([short, long].reduce(withKey, emptyKeyedSet()));
  });

  it('adding a key leaves the set it was added to unchanged', () => {
    const before = ['a', 'b'].reduce(withKey, emptyKeyedSet());
    const copy = structuredClone(before);
    withKey(before, 'c');
    expect(before).toEqual(copy);
  });
});

describe('KeyedSet keys', () => {
  it('tells a lowercase UUID from the same UUID in capitals, and from other keys built from its record', () => {
    const uuid = '0a0b0a0b-0000-4000-8000-0a0b01020304';
    const set = withKey(emptyKeyedSet(), uuid);
    expect(inKeyedSet(set, uuid.toUpperCase())).toBe(false);
    const both = withKey(set, uuid.toUpperCase());
    expect(keyedSetValues(both).sort()).toEqual([uuid.toUpperCase(), uuid]);

    // The record of a UUID of 0xff bytes is 16 characters U+00FF; the key of those characters is another key.
    const ones = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    const lookalike = '\u00ff'.repeat(16);
    expect(inKeyedSet(withKey(emptyKeyedSet(), ones), lookalike)).toBe(false);
    expect(inKeyedSet(withKey(emptyKeyedSet(), lookalike), ones)).toBe(false);
    expect(keyedSetValues(withKey(withKey(emptyKeyedSet(), lookalike), ones)).sort()).toEqual([ones, lookalike]);
  });

  it('holds a lowercase UUID in about 17 characters of its bucket, where its text takes 37 with its line feed', () => {
    const ids = [...new Set(fc.sample(fc.uuid(), { numRuns: 4_096, seed: 7 }))];
    const set = ids.reduce(withKey, emptyKeyedSet());
    const characters = set.flatMap((shelf) => shelf ?? []).reduce((sum, bucket) => sum + (bucket?.length ?? 0), 0);
    expect(characters / ids.length).toBeLessThan(18);
    expect(keyedSetValues(set).sort()).toEqual(ids.sort());
  });


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
