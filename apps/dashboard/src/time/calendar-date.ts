/** A day of the calendar, `2026-11-23`, in no time zone: the merchant's day once a zone is applied. */
export type CalendarDate = string;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const toUtcMs = (date: CalendarDate): number => Date.parse(`${date}T00:00:00Z`);
const fromUtcMs = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10);

export function isCalendarDate(text: string): text is CalendarDate {
  if (!CALENDAR_DATE.test(text)) return false;
  const ms = toUtcMs(text);
  return !Number.isNaN(ms) && fromUtcMs(ms) === text;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function startOfMonth(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  const [year, month] = date.split('-').map(Number);
  return fromUtcMs(Date.UTC(year, month, 0));
}
