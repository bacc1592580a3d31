import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** A deep copy whose objects take their keys in the order `order` gives. */
function reordered(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reordered(item, order));
  if (value === null || typeof value !== 'object') return value;
  const source = value as Record<string, unknown>;
  return Object.fromEntries(order(Object.keys(source)).map((key) => [key, reordered(source[key], order)]));
}

/** Strings of any UTF-16 code units: quotes, backslashes, control characters, paired and lone surrogates. */
const anyCodeUnits = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const nonIntegerKeys = fc.jsonValue({ stringUnit: fc.oneof(anyCodeUnits, fc.constantFrom('"', '\\', '\n', '\u0000', '\u001f', '\ud83e\uddfe', '\ud800')) }).filter((value) => !/"\d+":/.test(JSON.stringify(value)));

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes the text', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('gives what the value reads back as after a JSON round trip (undefined dropped, toJSON applied, escapes kept)', () => {
    const value = { kept: 'ü "q" \u2028 🧾', dropped: undefined, inArray: [undefined, 1], at: new Date('2026-11-23T10:00:00Z'), n: -0 };
    const roundTripped: unknown = JSON.parse(JSON.stringify(value));
    expect(canonicalJson(value)).toBe(canonicalJson(roundTripped));
    expect(canonicalJson(value)).toBe('{"at":"2026-11-23T10:00:00.000Z","inArray":[null,1],"kept":"ü \\"q\\" \u2028 🧾","n":0}');
  });

  it('property: equals JSON.stringify of the value with its keys inserted sorted, and no key order changes it', () => {
    fc.assert(
      fc.property(nonIntegerKeys, (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(JSON.stringify(reordered(value, (keys) => [...keys].sort())));
        expect(canonicalJson(reordered(value, (keys) => [...keys].reverse()))).toBe(text);
      }),
    );
  });

  it('property: quotes strings and writes numbers as JSON.stringify does, whatever they hold', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodeUnits }), fc.double(), (text, number) => {
        expect(canonicalJson(text)).toBe(JSON.stringify(text));
        expect(canonicalJson([number, { [text]: text }])).toBe(JSON.stringify([number, { [text]: text }]));
      }),
    );
  });

  it('property: reads back as the value JSON round-trips to', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))));
  });
});
