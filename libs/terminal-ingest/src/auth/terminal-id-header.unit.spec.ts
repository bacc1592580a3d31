import { checkTerminalIdHeader } from './terminal-id-header';

describe('X-Terminal-Id header', () => {
  it('takes an id of 1 to 64 letters, digits, _ . - (starting with a letter or digit)', () => {
    expect(checkTerminalIdHeader('t-1')).toEqual({ ok: true, terminalId: 't-1' });
    expect(checkTerminalIdHeader('a'.repeat(64))).toEqual({ ok: true, terminalId: 'a'.repeat(64) });
  });

  it('says a missing header is required', () => {
    expect(checkTerminalIdHeader(undefined)).toEqual({ ok: false, reason: 'X-Terminal-Id is required' });
    expect(checkTerminalIdHeader('')).toEqual({ ok: false, reason: 'X-Terminal-Id is required' });
  });

  it.each([
    ['65 characters', 'a'.repeat(65)],
    ['4,096 characters', 'a'.repeat(4096)],
    ['a space', 't 1'],
    ['two ids joined by a repeated header', 't-1, t-2'],
    ['a non-ASCII letter', 't-ü'],
    ['a leading dash', '-t1'],
    ['a NUL', 't\u00001'],
  ])('refuses %s with the shape it must have', (_name, value) => {
    expect(checkTerminalIdHeader(value)).toEqual({ ok: false, reason: 'X-Terminal-Id must be 1-64 letters, digits, _ . -' });
  });
});
