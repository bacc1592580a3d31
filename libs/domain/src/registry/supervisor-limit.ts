import { MAX_AMOUNT_MINOR } from '../values/bounds';
import { InvalidRegistrationError } from './invalid-registration.error';
import { UnknownMerchantError } from './unknown-merchant.error';

/**
 * Voids and refunds above `aboveMinor` (in the merchant's currency, minor units) need a supervisor's approval at the
 * counter; `null` lifts the limit.
 */
export type SupervisorLimitSet = Readonly<{ type: 'SupervisorLimitSet'; data: Readonly<{ merchantId: string; aboveMinor: string | null }> }>;

const MINOR_UNITS = /^(0|[1-9][0-9]{0,11})$/;

export function setSupervisorLimit(data: SupervisorLimitSet['data'], merchants: Readonly<Record<string, unknown>>): SupervisorLimitSet {
  const { merchantId, aboveMinor } = data;
  if (aboveMinor !== null && (typeof aboveMinor !== 'string' || !MINOR_UNITS.test(aboveMinor) || BigInt(aboveMinor) > MAX_AMOUNT_MINOR)) {
    throw new InvalidRegistrationError(`a supervisor limit is a whole number of minor units from 0 to ${MAX_AMOUNT_MINOR}, got ${JSON.stringify(aboveMinor)}`);
  }
  if (!Object.prototype.hasOwnProperty.call(merchants, merchantId)) throw new UnknownMerchantError(merchantId);
  return { type: 'SupervisorLimitSet', data: { merchantId, aboveMinor } };
}
