import { isCalendarDate } from '@posledger/domain';
import { InvalidArgumentError } from './invalid-argument.error';
import { quotedValue } from './quoted-value';

/**
 * A date alone (YYYY-MM-DD), taken as it is: it already names a day of the merchant's calendar (a payout's value date,
 * a statement's day). `form` is how the argument's descriptions say it, quoted by the refusal.
 */
export function calendarDate(name: string, value: string, form: string): string {
  if (!isCalendarDate(value)) {
    throw new InvalidArgumentError(`${name} must be ${form}; got ${quotedValue(value)}`);
  }
  return value;
}

/** Dates from `from` (inclusive) to `to` (exclusive); `from` after `to` is the client's mistake, not an empty period. */
export function calendarPeriod(from: string, to: string, form: string): { fromDate: string; toDate: string } {
  const period = { fromDate: calendarDate('from', from, form), toDate: calendarDate('to', to, form) };
  if (from > to) throw new InvalidArgumentError(`from (${from}) is after to (${to}): from is inclusive, to exclusive`);
  return period;
}
