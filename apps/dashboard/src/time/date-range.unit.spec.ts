import { apiPeriod, comparedRange, isValidRange, presetRange, rangeDays, rangeLength } from './date-range';
import { dateIn } from './zoned-time';

describe('date ranges', () => {
  it('names the days of each preset', () => {
    const today = '2026-03-08';

    expect(presetRange('today', today)).toEqual({ from: '2026-03-08', to: '2026-03-08' });
    expect(presetRange('yesterday', today)).toEqual({ from: '2026-03-07', to: '2026-03-07' });
    expect(presetRange('last7', today)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(presetRange('thisMonth', today)).toEqual({ from: '2026-03-01', to: '2026-03-08' });
    expect(presetRange('lastMonth', today)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('lastMonth', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('yesterday', '2026-01-01')).toEqual({ from: '2025-12-31', to: '2025-12-31' });
  });

  it("takes today from the merchant's zone: a New York evening is already tomorrow in Shanghai", () => {
    const instant = new Date('2026-03-08T04:30:00Z');

    expect(presetRange('today', dateIn('America/New_York', instant))).toEqual({ from: '2026-03-07', to: '2026-03-07' });
    expect(presetRange('today', dateIn('Asia/Shanghai', instant))).toEqual({ from: '2026-03-08', to: '2026-03-08' });
  });

  it('compares with the period of the same length just before, or with the same days a week earlier', () => {
    expect(comparedRange({ from: '2026-03-08', to: '2026-03-08' }, 'previous')).toEqual({ from: '2026-03-07', to: '2026-03-07' });
    expect(comparedRange({ from: '2026-03-02', to: '2026-03-08' }, 'previous')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(comparedRange({ from: '2026-03-01', to: '2026-03-08' }, 'previous')).toEqual({ from: '2026-02-21', to: '2026-02-28' });
    expect(comparedRange({ from: '2026-03-08', to: '2026-03-08' }, 'lastWeek')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(comparedRange({ from: '2026-11-01', to: '2026-11-30' }, 'lastWeek')).toEqual({ from: '2026-10-25', to: '2026-11-23' });
  });

  it('counts calendar days across a change of clocks, and asks the API for the day after the last as the exclusive end', () => {
    const overSpring = { from: '2026-03-07', to: '2026-03-09' };

    expect(rangeLength(overSpring)).toBe(3);
    expect(rangeDays(overSpring)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(apiPeriod(overSpring)).toEqual({ from: '2026-03-07', to: '2026-03-10' });
    expect(apiPeriod({ from: '2026-10-01', to: '2026-10-31' })).toEqual({ from: '2026-10-01', to: '2026-11-01' });
  });

  it('refuses a range that ends before it starts or names no real day', () => {
    expect(isValidRange({ from: '2026-11-01', to: '2026-11-01' })).toBe(true);
    expect(isValidRange({ from: '2026-11-02', to: '2026-11-01' })).toBe(false);
    expect(isValidRange({ from: '2026-02-30', to: '2026-03-01' })).toBe(false);
  });
});
