import fc from 'fast-check';
import { emptyKeyed, getKeyed, hasKeyed, keyedValues, setKeyed, withoutKeyed, type KeyedRecord } from './keyed-record';

/** Keys hash by their last 12 characters: keys with the same tail share a bucket. */
const sharingABucket = fc.string({ maxLength: 2 }).map((head) => `${head}same-12-tail`);
/** Short strings, sequences, UUIDs, names an object would treat specially, and keys that share buckets. */
const key = fc.oneof(fc.string({ maxLength: 3 }), fc.nat(200).map(String), fc.uuid(), fc.constantFrom('__proto__', 'constructor', 'toString'), sharingABucket);
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
