import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { quotedValue } from '../graphql/quoted-value';

/** At most 12 digits: what a sale's amount may be (invariant 8). */
const MINOR_UNITS = /^\d{1,12}$/;

/** An amount bound in minor units, given as a decimal string. */
export function amountArgument(name: string, value: string): bigint {
  if (!MINOR_UNITS.test(value)) throw new InvalidArgumentError(`${name} must be whole minor units as a decimal string of 1 to 12 digits ("1234" for 12.34 CNY); got ${quotedValue(value)}`);
  return BigInt(value);
}
