import { hasKeyed, type KeyedRecord } from '../ledger/keyed-record';
import { assertLimitMinorUnits } from './limit-minor-units';
import { UnknownMerchantError } from './unknown-merchant.error';

/**
 * The merchant's terminals may approve a card sale offline (store-and-forward) up to `upToMinor`, tip included;
 * `null`: never (every card sale goes to the host).
 */
export type OfflineLimitSet = Readonly<{ type: 'OfflineLimitSet'; data: Readonly<{ merchantId: string; upToMinor: string | null }> }>;

export function setOfflineLimit(data: OfflineLimitSet['data'], merchants: KeyedRecord<unknown>): OfflineLimitSet {
  const { merchantId, upToMinor } = data;
  assertLimitMinorUnits('an offline limit', upToMinor);
  if (!hasKeyed(merchants, merchantId)) throw new UnknownMerchantError(merchantId);
  return { type: 'OfflineLimitSet', data: { merchantId, upToMinor } };
}
