import { InvalidArgumentError } from './invalid-argument.error';
import { dayArgument, periodArguments, timeArgument } from './time-argument';

const refusal = (read: () => unknown): string => {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('date-and-time arguments', () => {
  it.each([
    ['2026-11-23T06:30:00Z', '2026-11-23 06:30:00.000'],
    ['2026-11-23T14:30:00+08:00', '2026-11-23 06:30:00.000'],
    ['2026-11-23T14:30:00+0800', '2026-11-23 06:30:00.000'],
    ['2026-11-23T14:30+08:00', '2026-11-23 06:30:00.000'],
    ['2026-11-23T01:30:00.123456-05:00', '2026-11-23 06:30:00.123'],
  ])('reads the instant %p whatever the merchant’s zone', (value, stored) => {
    expect(timeArgument('from', value, 'America/New_York')).toBe(stored);
    expect(timeArgument('from', value, undefined)).toBe(stored);
  });

  it.each([
    ['2026-11-23', 'Asia/Shanghai', '2026-11-22 16:00:00.000'],
    ['2026-03-08', 'America/New_York', '2026-03-08 05:00:00.000'],
    // The day after the spring change starts an hour earlier in UTC; the autumn change gives it back.
    ['2026-03-09', 'America/New_York', '2026-03-09 04:00:00.000'],
    ['2026-11-01', 'America/New_York', '2026-11-01 04:00:00.000'],
    ['2026-11-02', 'America/New_York', '2026-11-02 05:00:00.000'],
    // Santiago skips midnight on 2026-09-06: the day starts at 01:00 -03:00.
    ['2026-09-06', 'America/Santiago', '2026-09-06 04:00:00.000'],
  ])('reads the date alone %p as the start of that day in %s', (value, timeZone, stored) => {
    expect(timeArgument('from', value, timeZone)).toBe(stored);
  });

  it('refuses a time without an offset, showing the accepted form in the merchant’s zone', () => {
    expect(refusal(() => timeArgument('from', '2026-03-08T10:00', 'America/New_York'))).toBe(
      'from has no UTC offset, so "2026-03-08T10:00" could be that time in any zone: write it with its offset, e.g. "2026-03-08T10:00:00-04:00" (America/New_York), ' +
        "or with Z for UTC; a date alone (2026-03-08) is that day in the merchant's time zone",
    );
    expect(refusal(() => timeArgument('at', '2026-11-23T10:00:00', undefined))).toContain('e.g. "2026-11-23T10:00:00Z"');
  });

  it('refuses a date alone where no merchant gives it a zone', () => {
    expect(refusal(() => timeArgument('from', '2026-11-23', undefined))).toBe(
      `from is a date alone, which means a day in a merchant's time zone, and from concerns no merchant: write an instant with its offset, e.g. "2026-11-23T00:00:00Z"`,
    );
  });

  it.each(['2026-02-30', '2026-13-01', '2026-02-30T00:00:00Z', '2026-11-23T25:00:00Z', '2026-11-23T10:00:00+99:99', '2026-11-23T10:60:00Z'])('refuses %p, which is no real date or time', (value) => {
    expect(refusal(() => timeArgument('to', value, 'Asia/Shanghai'))).toMatch(/^to is not a real date/);
  });

  it.each(['0001-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '9999-12-31T23:59:59.999Z', '1899-12-31'])('refuses %p, outside what the read store holds', (value) => {
    expect(refusal(() => timeArgument('from', value, 'UTC'))).toMatch(/^from must lie between 1900-01-01 and 2299-12-31/);
  });

  it.each([
    ['words with CR/LF', 'yesterday\r\nERROR forged'],
    ['nothing', ''],
    ['a space for the T', '2026-11-23 10:00:00+08:00'],
    ['unix seconds', '1732345200'],
    ['5,000 characters', 'x'.repeat(5000)],
  ])('refuses %s on one short line, naming the forms accepted', (_, value) => {
    const message = refusal(() => timeArgument('from', value, 'Asia/Shanghai'));

    expect(message).toMatch(/^from must be an ISO-8601 instant with its UTC offset .* or a date alone/);
    expect(message).not.toMatch(/[\r\n\0]/);
    expect(message.length).toBeLessThan(400);
  });

  it('refuses a period whose from is after its to, and takes an empty one', () => {
    expect(refusal(() => periodArguments('2026-11-24', '2026-11-23', 'Asia/Shanghai'))).toBe(
      'from (2026-11-23T16:00:00.000Z) is after to (2026-11-22T16:00:00.000Z): from is inclusive, to exclusive',
    );
    expect(periodArguments('2026-11-23', '2026-11-23', 'Asia/Shanghai')).toEqual({ from: '2026-11-22 16:00:00.000', to: '2026-11-22 16:00:00.000' });
  });

  it.each([
    ['2026-11-23', 'Asia/Shanghai', '2026-11-22 16:00:00.000', '2026-11-23 16:00:00.000'],
    // 23 hours on the day of the spring change, 25 on the autumn one.
    ['2026-03-08', 'America/New_York', '2026-03-08 05:00:00.000', '2026-03-09 04:00:00.000'],
    ['2026-11-01', 'America/New_York', '2026-11-01 04:00:00.000', '2026-11-02 05:00:00.000'],
    ['2026-12-31', 'Europe/London', '2026-12-31 00:00:00.000', '2027-01-01 00:00:00.000'],
  ])('reads the business day %p in %s from its first instant to the next day’s', (value, timeZone, from, to) => {
    expect(dayArgument('day', value, timeZone)).toEqual({ from, to });
  });

  it('refuses a business day that is not a date alone', () => {
    expect(refusal(() => dayArgument('day', '2026-11-23T00:00:00Z', 'Asia/Shanghai'))).toBe(
      'day must be a date alone (2026-11-23: that day in the merchant\'s time zone); got "2026-11-23T00:00:00Z"',
    );
    expect(refusal(() => dayArgument('day', '2026-02-30', 'Asia/Shanghai'))).toBe('day is not a real date: "2026-02-30"');
  });
});
