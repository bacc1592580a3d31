import { calendarDate } from '../graphql/calendar-date';

/** The one form a bill's day takes (GraphQL and the export); descriptions and refusals quote it. */
export const BILL_DATE_FORM = "a date alone (2026-11-23): the bills' business day";

export const billDate = (name: string, value: string): string => calendarDate(name, value, BILL_DATE_FORM);
