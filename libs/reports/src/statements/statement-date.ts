import { calendarDate, calendarPeriod } from '../graphql/calendar-date';

/** The one form a statement's date takes (GraphQL and the download); descriptions and refusals quote it. */
export const STATEMENT_DATE_FORM = "a date alone (2026-11-23): the day a statement states, in the merchant's calendar";

export const statementDate = (name: string, value: string): string => calendarDate(name, value, STATEMENT_DATE_FORM);

/** Statements' days from `from` (inclusive) to `to` (exclusive). */
export const statementPeriod = (from: string, to: string): { fromDate: string; toDate: string } => calendarPeriod(from, to, STATEMENT_DATE_FORM);
