import fc from 'fast-check';
import { emptyKeyed, getKeyed, hasKeyed, keyedEntries, keyedValues, setKeyed, withoutKeyed, type KeyedRecord } from './keyed-record';

/** Keys hash by their last 12 characters: keys with the same tail share a bucket. */
const sharingABucket = fc.string({ maxLength: 2 }).map((head) => `${head}same-12-tail`);
/** Keys of 15 to 17 characters built from what the keys' short forms hold: a UUID's bytes (here all 0xff) and NUL. */
const formLike = fc.array(fc.constantFrom('\0', '\u00ff'), { minLength: 15, maxLength: 17 }).map((chars) => chars.join(''));
/** Short strings, sequences, UUIDs (also in capitals), names an object would treat specially, and keys that share buckets. */
const key = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.nat(200).map(String),
  fc.uuid(),
  fc.uuid().map((uuid) => uuid.toUpperCase()),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  formLike,
  sharingABucket,
);
const step = fc.oneof(
  // Values that are keys too: a bucket holds its keys and values side by side.
  fc.record({ set: key, value: fc.oneof(fc.integer(), key, fc.constant(true)) }),
  fc.record({ remove: key }),
);
type Step = { set: string; value: unknown } | { remove: string };

function applied(steps: readonly Step[]): { record: KeyedRecord<unknown>; reference: Map<string, unknown> } {
  let record = emptyKeyed<unknown>();
  const reference = new Map<string, unknown>();
  for (const s of steps) {
    if ('set' in s) {
      record = setKeyed(record, s.set, s.value);
      reference.set(s.set, s.value);
    } else {
      record = withoutKeyed(record, s.remove);
      reference.delete(s.remove);
    }
  }
  return { record, reference };
}

describe('KeyedRecord', () => {
  it('property: after any sets and removals it answers like a Map, and holds exactly its values', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), fc.array(key, { maxLength: 50 }), (steps, probes) => {
        const { record, reference } = applied(steps);
        for (const k of [...steps.map((s) => ('set' in s ? s.set : s.remove)), ...probes]) {
          expect(hasKeyed(record, k)).toBe(reference.has(k));
          expect(getKeyed(record, k)).toEqual(reference.get(k));
        }
        const sortValues = (values: unknown[]) => values.map((v) => JSON.stringify(v)).sort();
        expect(sortValues(keyedValues(record))).toEqual(sortValues([...reference.values()]));
        expect(sortValues(keyedEntries(record))).toEqual(sortValues([...reference.entries()]));
      }),
    );
  });

  it('property: the same entries set in any order give deep-equal records, also after removing what was set', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, fc.integer()), { selector: ([k]) => k, maxLength: 200 }), fc.nat(), (entries, seed) => {
        const shuffled = [...entries].sort(([a], [b]) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7) || (a < b ? 1 : a > b ? -1 : 0));
        const record = entries.reduce((r, [k, v]) => setKeyed(r, k, v), emptyKeyed<number>());
        expect(shuffled.reduce((r, [k, v]) => setKeyed(r, k, v), emptyKeyed<number>())).toEqual(record);
        const emptied = entries.reduce((r, [k]) => withoutKeyed(r, k), record);
        expect(emptied).toEqual(emptyKeyed());
        expect(JSON.parse(JSON.stringify(record))).toEqual(record);
      }),
    );
  });

  it('tells a key from a value equal to it in the same bucket', () => {
    const [first, second] = ['a', 'b'].map((head) => `${head}same-12-tail`);
    const record = setKeyed(emptyKeyed<string>(), first, second);
    expect(hasKeyed(record, second)).toBe(false);
    expect(getKeyed(record, second)).toBeUndefined();
    expect(getKeyed(setKeyed(record, second, first), second)).toBe(first);
  });

  it('setting or removing a key leaves the record it was applied to unchanged', () => {
    const before = setKeyed(setKeyed(emptyKeyed<number>(), 'a', 1), 'b', 2);
    const copy = structuredClone(before);
    setKeyed(before, 'a', 3);
    setKeyed(before, 'c', 4);
    withoutKeyed(before, 'b');
    expect(before).toEqual(copy);
    expect(withoutKeyed(before, 'absent')).toBe(before);
  });
});

describe('KeyedRecord keys', () => {
  it('holds a lowercase UUID as its 16 bytes, and tells it from the key of those characters and from its capitals', () => {
    const uuid = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    const lookalike = '\u00ff'.repeat(16);
    const record = setKeyed(emptyKeyed<number>(), uuid, 1);
    expect(record.flat(2)).toContain(lookalike);
    expect(hasKeyed(record, lookalike)).toBe(false);
    expect(hasKeyed(record, uuid.toUpperCase())).toBe(false);
    const all = [lookalike, uuid.toUpperCase(), `\0${lookalike}`].reduce((r, k, i) => setKeyed(r, k, i + 2), record);
    expect(keyedEntries(all).sort(([a], [b]) => (a < b ? -1 : 1))).toEqual([
      [`\0${lookalike}`, 4],
      [uuid.toUpperCase(), 3],
      [uuid, 1],
      [lookalike, 2],
    ]);
  });
});
