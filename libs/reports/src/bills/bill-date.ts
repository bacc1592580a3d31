import { calendarDate, calendarPeriod } from '../graphql/calendar-date';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';

/** The one form a bill's day takes (GraphQL and the export); descriptions and refusals quote it. */
export const BILL_DATE_FORM = "a date alone (2026-11-23): the bills' business day";

export const billDate = (name: string, value: string): string => calendarDate(name, value, BILL_DATE_FORM);

/** The longest period one reconciliation export covers. */
export const MAX_BILL_DAYS = 92;

/** Every bill day from `from` (inclusive) to `to` (exclusive), at most MAX_BILL_DAYS of them. */
export function billDays(from: string, to: string): string[] {
  const { fromDate, toDate } = calendarPeriod(from, to, BILL_DATE_FORM);
  const days: string[] = [];
  for (let day = Date.parse(`${fromDate}T00:00:00Z`); day < Date.parse(`${toDate}T00:00:00Z`); day += 86_400_000) days.push(new Date(day).toISOString().slice(0, 10));
  if (days.length > MAX_BILL_DAYS) throw new InvalidArgumentError(`a reconciliation export covers at most ${MAX_BILL_DAYS} days; from ${fromDate} to ${toDate} is ${days.length}`);
  return days;
}
