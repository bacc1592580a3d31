import { isUuid, isValidId, merchantId, terminalId } from './ids';
import { InvalidIdError } from './invalid-id.error';
import { isIsoInstant } from './instant';

describe('ids', () => {
  it.each(['t-1', 'T_001', 'shop.42', 'a', 'a'.repeat(64)])('accepts the id %j', (id) => {
    expect(isValidId(id)).toBe(true);
    expect(terminalId(id)).toBe(id);
    expect(merchantId(id)).toBe(id);
  });

  it.each(['', '-t', '_t', 't 1', 't/1', 'a'.repeat(65), 'tér'])('refuses the id %j with code ID.INVALID', (id) => {
    expect(isValidId(id)).toBe(false);
    expect(() => terminalId(id)).toThrow(InvalidIdError);
    expect(() => merchantId(id)).toThrow(expect.objectContaining({ code: 'ID.INVALID' }));
  });

  it('recognizes UUIDs', () => {
    expect(isUuid('7d9f8a3e-2c1b-4e5f-9a8b-1c2d3e4f5a6b')).toBe(true);
    expect(isUuid('7D9F8A3E-2C1B-4E5F-9A8B-1C2D3E4F5A6B')).toBe(true);
    expect(isUuid('7d9f8a3e2c1b4e5f9a8b1c2d3e4f5a6b')).toBe(false);
    expect(isUuid('not-a-uuid')).toBe(false);
  });
});

describe('ISO-8601 instants', () => {
  it.each(['2026-11-23T14:05:00+08:00', '2026-11-23T06:05:00Z', '2024-02-29T00:00:00.123Z', '2026-01-01T00:00:00.123456789-05:30'])(
    'accepts %s',
    (s) => expect(isIsoInstant(s)).toBe(true),
  );
  it.each(['2026-11-23T14:05:00', '2026-11-23', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-23T24:00:00Z', '1700000000000', '2026-11-23 14:05:00Z'])(
    'refuses %s',
    (s) => expect(isIsoInstant(s)).toBe(false),
  );
});
