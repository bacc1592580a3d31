import { InvalidArgumentError } from '../graphql/instant';
import { exportFormat, instantParameter, singleParameter } from './ledger-export.arguments';

describe('ledger export arguments', () => {
  it('takes a parameter given once, and refuses one given twice', () => {
    expect(singleParameter({ from: '2026-01-01' }, 'from')).toBe('2026-01-01');
    expect(singleParameter({}, 'from')).toBeUndefined();
    expect(() => singleParameter({ merchantId: ['m-a', 'm-b'] }, 'merchantId')).toThrow('merchantId must be given once, got it 2 times');
  });

  it('reads a required instant, saying which one is missing or malformed', () => {
    expect(instantParameter({ from: '2026-11-23T06:30:00Z' }, 'from')).toBe('2026-11-23 06:30:00.000');
    expect(() => instantParameter({}, 'from')).toThrow('from is required: an ISO-8601 instant');
    expect(() => instantParameter({ to: 'tomorrow\r\n' }, 'to')).toThrow('to must be an ISO-8601 instant, got "tomorrow\\r\\n"');
    expect(() => instantParameter({ to: ['2026-01-01', '2026-02-01'] }, 'to')).toThrow('to must be given once');
  });

  it('reads the format, csv by default', () => {
    expect(exportFormat({})).toBe('csv');
    expect(exportFormat({ format: 'csv' })).toBe('csv');
    expect(exportFormat({ format: 'jsonl' })).toBe('jsonl');
  });

  it.each(['xml', 'CSV', '', 'csv\r\nX-Injected: 1', 'csv\u0000', 'jsonl'.repeat(1000)])('refuses the format %p, quoting it on one short line', (format) => {
    let refusal: unknown;
    try {
      exportFormat({ format });
    } catch (error) {
      refusal = error;
    }

    expect(refusal).toBeInstanceOf(InvalidArgumentError);
    const message = (refusal as Error).message;
    expect([...message].filter((c) => ['\r', '\n', '\u0000'].includes(c))).toEqual([]);
    expect(message.length).toBeLessThan(120);
  });
});
