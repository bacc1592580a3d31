import { addDays, daysBetween, endOfMonth, isCalendarDate, startOfMonth } from './calendar-date';

describe('calendar dates', () => {
  it('adds days across months, years and 29 February', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole days, whatever the clocks of any zone do in between', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    expect(daysBetween('2026-11-02', '2026-10-31')).toBe(-2);
  });

  it('finds the first and last day of a month', () => {
    expect(startOfMonth('2026-11-23')).toBe('2026-11-01');
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfMonth('2026-12-31')).toBe('2026-12-31');
  });

  it('knows a real date from text that only looks like one', () => {
    expect(isCalendarDate('2026-11-23')).toBe(true);
    expect(['2026-02-30', '2026-13-01', '2026-1-1', '20261123', '', '2026-11-23T00:00:00Z'].filter(isCalendarDate)).toEqual([]);
  });
});
