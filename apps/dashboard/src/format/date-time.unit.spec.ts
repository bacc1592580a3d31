import { formatClock, formatDateTime, formatDay, formatZoneOffset } from './date-time';

describe('dates and times', () => {
  const instant = '2026-11-23T01:10:00Z';

  it("shows the time of the last refresh on the merchant's clock, not the browser's", () => {
    expect(formatClock(instant, 'Asia/Shanghai', 'en')).toBe('09:10:00');
    expect(formatClock(instant, 'America/New_York', 'en')).toBe('20:10:00');
    expect(formatClock(instant, 'Asia/Shanghai', 'zh-CN')).toBe('09:10:00');
  });

  it('writes a date and time by locale in the zone', () => {
    expect(formatDateTime(instant, 'Asia/Shanghai', 'en')).toBe('Nov 23, 2026, 09:10:00');
    expect(formatDateTime(instant, 'Asia/Shanghai', 'zh-CN')).toBe('2026年11月23日 09:10:00');
    expect(formatDateTime(instant, 'America/New_York', 'en')).toBe('Nov 22, 2026, 20:10:00');
  });

  it('writes a calendar day by locale as that day, in no zone', () => {
    expect(formatDay('2026-11-23', 'en')).toBe('Mon, Nov 23, 2026');
    expect(formatDay('2026-11-23', 'zh-CN')).toBe('2026年11月23日周一');
    expect(formatDay('2026-11-23', 'en', 'short')).toBe('Nov 23');
    expect(formatDay('2026-11-23', 'zh-CN', 'short')).toBe('11月23日');
  });

  it('names the offset of the zone, which changes with the clocks', () => {
    expect(formatZoneOffset('Asia/Shanghai', new Date(instant), 'en')).toBe('GMT+8');
    expect(formatZoneOffset('America/New_York', new Date('2026-03-08T06:59:00Z'), 'en')).toBe('GMT-5');
    expect(formatZoneOffset('America/New_York', new Date('2026-03-08T07:00:00Z'), 'en')).toBe('GMT-4');
  });
});
