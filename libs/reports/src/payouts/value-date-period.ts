import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { quotedValue } from '../graphql/quoted-value';

/** The one form a value-date argument takes (GraphQL and the exports); descriptions and refusals quote it. */
export const VALUE_DATE_FORM = "a date alone (2026-11-23): a value date, in the merchant's calendar";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function valueDate(name: string, value: string): string {
  const day = new Date(`${value}T00:00:00Z`);
  // Date reads 2026-02-30 as 2026-03-02: only a date that reads back as itself is a real one.
  if (!DATE.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`${name} must be ${VALUE_DATE_FORM}; got ${quotedValue(value)}`);
  }
  return value;
}

/** Value dates from `from` (inclusive) to `to` (exclusive); `from` after `to` is the client's mistake, not an empty period. */
export function valueDatePeriod(from: string, to: string): { fromDate: string; toDate: string } {
  const period = { fromDate: valueDate('from', from), toDate: valueDate('to', to) };
  if (from > to) throw new InvalidArgumentError(`from (${from}) is after to (${to}): from is inclusive, to exclusive`);
  return period;
}
