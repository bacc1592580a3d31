import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { valueDatePeriod } from './value-date-period';

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('value-date periods', () => {
  it('reads two dates alone, in order, as they are (a value date is already a day of the merchant’s calendar)', () => {
    expect(valueDatePeriod('2026-11-23', '2026-12-01')).toEqual({ fromDate: '2026-11-23', toDate: '2026-12-01' });
    expect(valueDatePeriod('2024-02-29', '2024-02-29')).toEqual({ fromDate: '2024-02-29', toDate: '2024-02-29' });
  });

  it.each([
    ['2026-11-23T00:00:00Z', 'from must be a date alone'],
    ['2026-02-30', 'from must be a date alone'],
    ['2025-02-29', 'from must be a date alone'],
    ['2026-13-01', 'from must be a date alone'],
    ['23/11/2026', 'from must be a date alone'],
  ])('refuses %p, saying which form it takes', (from, message) => {
    expect(refusal(() => valueDatePeriod(from, '2026-12-01'))).toContain(message);
  });

  it('refuses a period that ends before it starts, naming both, and quotes a long value cut short', () => {
    expect(refusal(() => valueDatePeriod('2026-12-01', '2026-11-23'))).toBe('from (2026-12-01) is after to (2026-11-23): from is inclusive, to exclusive');
    expect(refusal(() => valueDatePeriod('2026-11-23', 'x'.repeat(5000)))).toContain('to must be a date alone (2026-11-23): a value date, in the merchant\'s calendar; got "xxxx');
    expect(refusal(() => valueDatePeriod('2026-11-23', 'x'.repeat(5000)))).toContain('(5000 characters)');
  });
});
