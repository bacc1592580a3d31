import { canonicalJson } from './canonical-json';

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
});
