import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { choiceParameter, exportFormat, periodParameters, requiredParameter, singleParameter } from './export-parameters';

describe('export parameters', () => {
  it('takes a parameter given once, and refuses one given twice', () => {
    expect(singleParameter({ from: '2026-01-01' }, 'from')).toBe('2026-01-01');
    expect(singleParameter({}, 'from')).toBeUndefined();
    expect(() => singleParameter({ merchantId: ['m-a', 'm-b'] }, 'merchantId')).toThrow('merchantId must be given once, got it 2 times');
  });

  it('takes a required parameter, saying how to write it when missing', () => {
    expect(requiredParameter({ date: '2026-11-23' }, 'date', 'a date alone')).toBe('2026-11-23');
    expect(() => requiredParameter({}, 'date', 'a date alone')).toThrow('date is required: a date alone');
    expect(() => requiredParameter({ date: ['2026-11-23', '2026-11-24'] }, 'date', 'a date alone')).toThrow('date must be given once');
  });

  it("reads the period as GraphQL does (a date alone in the merchant's zone), saying which bound is missing or malformed", () => {
    expect(periodParameters({ from: '2026-11-23T06:30:00Z', to: '2026-11-24' }, 'Asia/Shanghai')).toEqual({ from: '2026-11-23 06:30:00.000', to: '2026-11-23 16:00:00.000' });
    expect(() => periodParameters({ to: '2026-11-24' }, 'UTC')).toThrow(/^from is required: an ISO-8601 instant/);
    expect(() => periodParameters({ from: '2026-11-23', to: 'tomorrow\r\n' }, 'UTC')).toThrow(/^to must be an ISO-8601 instant .*; got "tomorrow\\r\\n"$/);
    expect(() => periodParameters({ from: '2026-11-23', to: ['2026-01-01', '2026-02-01'] }, 'UTC')).toThrow('to must be given once');
    expect(() => periodParameters({ from: '2026-11-24', to: '2026-11-23' }, 'UTC')).toThrow(/^from \(2026-11-24T00:00:00.000Z\) is after to/);
  });

  it('reads a choice, refusing a word it does not know', () => {
    expect(choiceParameter({ groupBy: 'DAY' }, 'groupBy', ['DAY', 'HOUR'])).toBe('DAY');
    expect(choiceParameter({}, 'groupBy', ['DAY', 'HOUR'])).toBeUndefined();
    expect(() => choiceParameter({ groupBy: 'day' }, 'groupBy', ['DAY', 'HOUR'])).toThrow('groupBy must be one of DAY, HOUR; got "day"');
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
