import { TZDate } from '@date-fns/tz';
import { fromClickHouseDateTime, toClickHouseDateTime } from '@posledger/read-store';
import { InvalidArgumentError } from './invalid-argument.error';
import { quotedValue } from './quoted-value';

/** The one form an argument that concerns no merchant takes. */
export const INSTANT_ARGUMENT_FORM = 'an ISO-8601 instant with its UTC offset (2026-11-23T14:05:00+08:00, or Z for UTC)';

/** The forms every date-and-time argument of a merchant takes (GraphQL and the exports); descriptions and refusals quote it. */
export const TIME_ARGUMENT_FORMS = `${INSTANT_ARGUMENT_FORM} or a date alone (2026-11-23: the start of that day in the merchant's time zone)`;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** What the read store's DateTime64(3, 'UTC') holds. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2299;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function inStoredRange(name: string, value: string, clickHouseText: string): string {
  const year = Number(clickHouseText.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new InvalidArgumentError(`${name} must lie between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31; got ${quotedValue(value)}`);
  return clickHouseText;
}

/** `2026-11-23T10:00:00+08:00`: the wall-clock time written with the offset the zone has then. */
function withZoneOffset(fields: readonly number[], timeZone: string): string {
  const [year, month, day, hour, minute, second] = fields;
  return new TZDate(year, month - 1, day, hour, minute, second, timeZone).toISOString().replace(/\.\d{3}/, '');
}

function startOfDay(name: string, value: string, [year, month, day]: readonly number[], timeZone: string | undefined): string {
  if (!timeZone) {
    throw new InvalidArgumentError(`${name} is a date alone, which means a day in a merchant's time zone, and ${name} concerns no merchant: write an instant with its offset, e.g. "${value}T00:00:00Z"`);
  }
  return toClickHouseDateTime(new Date(new TZDate(year, month - 1, day, timeZone).getTime()).toISOString());
}

function instant(name: string, value: string, match: RegExpExecArray, timeZone: string | undefined): string {
  const fields = [1, 2, 3, 4, 5, 6].map((group) => Number(match[group] ?? 0));
  const [year, month, day, hour, minute, second] = fields;
  const offset = match[8];
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || (offset && offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(-2)) > 59))) {
    throw new InvalidArgumentError(`${name} is not a real date and time: ${quotedValue(value)}`);
  }
  if (!offset) {
    const example = timeZone ? `"${withZoneOffset(fields, timeZone)}" (${timeZone})` : `"${withZoneOffset(fields, 'UTC').replace('+00:00', 'Z')}"`;
    throw new InvalidArgumentError(
      `${name} has no UTC offset, so ${quotedValue(value)} could be that time in any zone: write it with its offset, e.g. ${example}, or with Z for UTC; ` +
        `a date alone (${match[1]}-${match[2]}-${match[3]}) is that day in the merchant's time zone`,
    );
  }
  const normalized = offset.length === 5 ? `${value.slice(0, -5)}${offset.slice(0, 3)}:${offset.slice(3)}` : value;
  return toClickHouseDateTime(normalized);
}

/**
 * A date-and-time argument as the read store's DateTime64 text (UTC), read as TIME_ARGUMENT_FORMS says: a date alone
 * is the first instant of that day in `timeZone` (the merchant's; an argument with no merchant refuses dates), and a
 * time without an offset is refused as ambiguous, with a message showing a form that is accepted.
 */
export function timeArgument(name: string, value: string, timeZone: string | undefined): string {
  const date = DATE.exec(value);
  if (date) {
    const fields = [1, 2, 3].map((group) => Number(date[group]));
    if (!isCalendarDate(fields[0], fields[1], fields[2])) throw new InvalidArgumentError(`${name} is not a real date: ${quotedValue(value)}`);
    return inStoredRange(name, value, startOfDay(name, value, fields, timeZone));
  }
  const dateTime = DATE_TIME.exec(value);
  if (dateTime) return inStoredRange(name, value, instant(name, value, dateTime, timeZone));
  throw new InvalidArgumentError(`${name} must be ${TIME_ARGUMENT_FORMS}; got ${quotedValue(value)}`);
}

/** A period's bounds, already read: `from` after `to` is the client's mistake, not an empty period. */
export function assertOrderedPeriod(fromName: string, from: string, toName: string, to: string): void {
  if (from > to) throw new InvalidArgumentError(`${fromName} (${fromClickHouseDateTime(from)}) is after ${toName} (${fromClickHouseDateTime(to)}): ${fromName} is inclusive, ${toName} exclusive`);
}

/** `from` and `to` read together, in order. */
export function periodArguments(from: string, to: string, timeZone: string | undefined): { from: string; to: string } {
  const period = { from: timeArgument('from', from, timeZone), to: timeArgument('to', to, timeZone) };
  assertOrderedPeriod('from', period.from, 'to', period.to);
  return period;
}

/** A business day: a date alone, from its first instant in the merchant's `timeZone` to the next day's (23 or 25 hours across a DST change). */
export function dayArgument(name: string, value: string, timeZone: string | undefined): { from: string; to: string } {
  const date = DATE.exec(value);
  if (!date) throw new InvalidArgumentError(`${name} must be a date alone (2026-11-23: that day in the merchant's time zone); got ${quotedValue(value)}`);
  const [year, month, day] = [1, 2, 3].map((group) => Number(date[group]));
  const from = timeArgument(name, value, timeZone);
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return { from, to: timeArgument(name, next, timeZone) };
}
