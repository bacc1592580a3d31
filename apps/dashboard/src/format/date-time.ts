import type { CalendarDate } from '../time/calendar-date';

/** 14:05:09 on the merchant's clock. */
export function formatClock(instant: Date | string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** 2026-11-23 14:05:09 as the locale writes it, on the merchant's clock. */
export function formatDateTime(instant: Date | string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' }).format(new Date(instant));
}

/** A calendar day as the locale writes it, with its weekday: "Mon, Nov 23, 2026" / "2026年11月23日周一". */
export function formatDay(date: CalendarDate, locale: string, style: 'short' | 'long' = 'long'): string {
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' } : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** The zone's offset at `instant`, as the locale names it: "GMT+8", "GMT-5". */
export function formatZoneOffset(timeZone: string, instant: Date, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}
