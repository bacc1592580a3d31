import { dateIn, hourIn, hoursOfDay, startOfDayIn } from './zoned-time';

const NEW_YORK = 'America/New_York';
const SHANGHAI = 'Asia/Shanghai';

describe("the merchant's time zone", () => {
  it("finds the merchant's date of an instant, which may not be the browser's or UTC's", () => {
    const instant = new Date('2026-11-23T16:30:00Z');

    expect(dateIn(SHANGHAI, instant)).toBe('2026-11-24');
    expect(dateIn(NEW_YORK, instant)).toBe('2026-11-23');
    expect(dateIn('UTC', instant)).toBe('2026-11-23');
  });

  it('turns the date at midnight in New York, on the days the clocks change too', () => {
    expect(dateIn(NEW_YORK, new Date('2026-03-08T04:59:59Z'))).toBe('2026-03-07');
    expect(dateIn(NEW_YORK, new Date('2026-03-08T05:00:00Z'))).toBe('2026-03-08');
    expect(dateIn(NEW_YORK, new Date('2026-03-09T03:59:59Z'))).toBe('2026-03-08');
    expect(dateIn(NEW_YORK, new Date('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
    expect(dateIn(NEW_YORK, new Date('2026-11-02T04:59:59Z'))).toBe('2026-11-01');
    expect(dateIn(NEW_YORK, new Date('2026-11-02T05:00:00Z'))).toBe('2026-11-02');
  });

  it('starts each day at its own midnight: days around a change of clocks are 23 or 25 hours long', () => {
    expect(startOfDayIn('2026-03-08', NEW_YORK).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDayIn('2026-03-09', NEW_YORK).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfDayIn('2026-11-01', NEW_YORK).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfDayIn('2026-11-02', NEW_YORK).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(startOfDayIn('2026-11-23', SHANGHAI).toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });

  it('lists the hours the clocks show: no 02 when they go forward, one 01 when they go back', () => {
    const spring = hoursOfDay('2026-03-08', NEW_YORK);
    const autumn = hoursOfDay('2026-11-01', NEW_YORK);

    expect(spring).toHaveLength(23);
    expect(spring.slice(0, 3)).toEqual(['00', '01', '03']);
    expect(autumn).toHaveLength(24);
    expect(autumn).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(hoursOfDay('2026-03-08', SHANGHAI)).toHaveLength(24);
  });

  it("reads the hour of an instant on the merchant's clock", () => {
    expect(hourIn(SHANGHAI, new Date('2026-11-23T06:30:00Z'))).toBe('14');
    expect(hourIn(NEW_YORK, new Date('2026-11-01T05:30:00Z'))).toBe('01');
    expect(hourIn(NEW_YORK, new Date('2026-11-01T06:30:00Z'))).toBe('01');
  });
});
