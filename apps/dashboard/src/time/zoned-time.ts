import { TZDate } from '@date-fns/tz';
import { addDays, type CalendarDate } from './calendar-date';

const HOUR_MS = 3_600_000;

/** The zone's calendar date at `instant`: what "today" is for the merchant. */
export function dateIn(timeZone: string, instant: Date): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The first instant of the day in the zone (01:00 where the clocks skip midnight). */
export function startOfDayIn(date: CalendarDate, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime());
}

/** The hour of the day at `instant` in the zone, `00` to `23`. */
export function hourIn(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(instant);
}

/**
 * The hours the zone's clocks show on that day, in order, each once: 23 on the day they go forward, 24 on the day
 * they go back (the repeated hour is one), 24 on any other day.
 */
export function hoursOfDay(date: CalendarDate, timeZone: string): string[] {
  const start = startOfDayIn(date, timeZone).getTime();
  const end = startOfDayIn(addDays(date, 1), timeZone).getTime();
  const hours: string[] = [];
  for (let at = start; at < end; at += HOUR_MS) hours.push(hourIn(timeZone, new Date(at)));
  return [...new Set(hours)];
}
