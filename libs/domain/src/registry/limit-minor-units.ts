import { MAX_AMOUNT_MINOR } from '../values/bounds';
import { InvalidRegistrationError } from './invalid-registration.error';

const MINOR_UNITS = /^(0|[1-9][0-9]{0,11})$/;

/** A merchant's limit: a whole number of minor units within the amount bound, or null for none. */
export function assertLimitMinorUnits(what: string, value: unknown): asserts value is string | null {
  if (value !== null && (typeof value !== 'string' || !MINOR_UNITS.test(value) || BigInt(value) > MAX_AMOUNT_MINOR)) {
    throw new InvalidRegistrationError(`${what} is a whole number of minor units from 0 to ${MAX_AMOUNT_MINOR}, got ${JSON.stringify(value)}`);
  }
}
