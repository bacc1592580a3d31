import fc from 'fast-check';
import { UUID_BYTES, uuidBytes, uuidOfBytes } from './uuid-bytes';

/** Strings that are nearly a lowercase UUID: capitals, a digit out of range, a dash moved or missing, one more character. */
const nearlyUuid = fc.oneof(
  fc.uuid().map((uuid) => uuid.toUpperCase()),
  fc.tuple(fc.uuid(), fc.nat(35), fc.constantFrom('g', 'G', '-', 'x', ' ', '\u00e9')).map(([uuid, at, c]) => `${uuid.slice(0, at)}${c}${uuid.slice(at + 1)}`),
  fc.uuid().map((uuid) => `${uuid}0`),
  fc.uuid().map((uuid) => uuid.replace(/-/g, '')),
);

describe('uuidBytes', () => {
  it('property: a lowercase UUID becomes 16 one-byte characters, and back to the same text', () => {
    fc.assert(
      fc.property(fc.uuid(), (uuid) => {
        const bytes = uuidBytes(uuid);
        expect(bytes).not.toBeNull();
        expect(bytes).toHaveLength(UUID_BYTES);
        expect([...(bytes as string)].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
        expect(uuidOfBytes(bytes as string)).toBe(uuid);
      }),
    );
  });

  it('property: any string that is not a lowercase UUID has no bytes form', () => {
    fc.assert(
      fc.property(fc.oneof(nearlyUuid, fc.string({ maxLength: 40 })), (key) => {
        fc.pre(!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(key));
        expect(uuidBytes(key)).toBeNull();
      }),
    );
  });

  it('property: whatever the order of calls, each answers for its own string (the two latest are kept)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.uuid(), nearlyUuid), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(4), { maxLength: 40 }), (keys, order) => {
        const expected = keys.map((key) => {
          const bytes = uuidBytes(key);
          return bytes === null ? null : uuidOfBytes(bytes);
        });
        for (const at of order.map((i) => i % keys.length)) {
          const bytes = uuidBytes(keys[at]);
          expect(bytes === null ? null : uuidOfBytes(bytes)).toBe(expected[at]);
          if (bytes !== null) expect(uuidOfBytes(bytes)).toBe(keys[at]);
        }
      }),
    );
  });
});
