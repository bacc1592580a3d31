import { hasKeyed, type KeyedRecord } from '../ledger/keyed-record';
import { assertLimitMinorUnits } from './limit-minor-units';
import { UnknownMerchantError } from './unknown-merchant.error';

/**
 * Voids and refunds above `aboveMinor` (in the merchant's currency, minor units) need a supervisor's approval at the
 * counter; `null` lifts the limit.
 */
export type SupervisorLimitSet = Readonly<{ type: 'SupervisorLimitSet'; data: Readonly<{ merchantId: string; aboveMinor: string | null }> }>;

export function setSupervisorLimit(data: SupervisorLimitSet['data'], merchants: KeyedRecord<unknown>): SupervisorLimitSet {
  const { merchantId, aboveMinor } = data;
  assertLimitMinorUnits('a supervisor limit', aboveMinor);
  if (!hasKeyed(merchants, merchantId)) throw new UnknownMerchantError(merchantId);
  return { type: 'SupervisorLimitSet', data: { merchantId, aboveMinor } };
}
