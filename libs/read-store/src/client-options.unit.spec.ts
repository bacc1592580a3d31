import { jsonHandling } from './client-options';

describe('jsonHandling.stringify', () => {
  it('writes plain rows as JSON.stringify does', () => {
    const row = { position: '12', amount: '9007199254740993', entry: 0, at: '2026-11-23 06:30:00.000' };
    expect(jsonHandling.stringify(row)).toBe(JSON.stringify(row));
  });

  it('writes bigints as strings, exactly', () => {
    expect(jsonHandling.stringify({ position: 2n ** 64n - 1n, nested: [{ amount: -5n }] })).toBe('{"position":"18446744073709551615","nested":[{"amount":"-5"}]}');
  });

  it('still refuses a cycle', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => jsonHandling.stringify(cyclic)).toThrow(TypeError);
  });
});
