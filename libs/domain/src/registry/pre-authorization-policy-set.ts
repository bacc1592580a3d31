import { hasKeyed, type KeyedRecord } from '../ledger/keyed-record';
import { MAX_EXPIRY_DAYS, MAX_TOLERANCE_PERCENT, PreAuthorizationPolicy } from '../ledger/pre-authorization-policy';
import { InvalidRegistrationError } from './invalid-registration.error';
import { UnknownMerchantError } from './unknown-merchant.error';

/** The merchant's pre-authorisation rules: how far a completion may exceed its hold, and after how many days a hold expires. */
export type PreAuthorizationPolicySet = Readonly<{ type: 'PreAuthorizationPolicySet'; data: Readonly<{ merchantId: string } & PreAuthorizationPolicy> }>;

const isIntegerIn = (value: unknown, min: number, max: number): boolean => Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

export function setPreAuthorizationPolicy(data: PreAuthorizationPolicySet['data'], merchants: KeyedRecord<unknown>): PreAuthorizationPolicySet {
  const { merchantId, tolerancePercent, expiryDays } = data;
  if (!isIntegerIn(tolerancePercent, 0, MAX_TOLERANCE_PERCENT)) {
    throw new InvalidRegistrationError(`a completion tolerance is a whole percentage from 0 to ${MAX_TOLERANCE_PERCENT}, got ${JSON.stringify(tolerancePercent)}`);
  }
  if (!isIntegerIn(expiryDays, 1, MAX_EXPIRY_DAYS)) {
    throw new InvalidRegistrationError(`a hold expires after a whole number of days from 1 to ${MAX_EXPIRY_DAYS}, got ${JSON.stringify(expiryDays)}`);
  }
  if (!hasKeyed(merchants, merchantId)) throw new UnknownMerchantError(merchantId);
  return { type: 'PreAuthorizationPolicySet', data: { merchantId, tolerancePercent, expiryDays } };
}
