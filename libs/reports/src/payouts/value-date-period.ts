import { calendarPeriod } from '../graphql/calendar-date';

/** The one form a value-date argument takes (GraphQL and the exports); descriptions and refusals quote it. */
export const VALUE_DATE_FORM = "a date alone (2026-11-23): a value date, in the merchant's calendar";

/** Value dates from `from` (inclusive) to `to` (exclusive). */
export const valueDatePeriod = (from: string, to: string): { fromDate: string; toDate: string } => calendarPeriod(from, to, VALUE_DATE_FORM);
