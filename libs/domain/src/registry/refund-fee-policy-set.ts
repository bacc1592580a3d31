import { hasKeyed, type KeyedRecord } from '../ledger/keyed-record';
import { REFUND_FEE_POLICIES, RefundFeePolicy } from '../ledger/refund-fee-policy';
import { InvalidRegistrationError } from './invalid-registration.error';
import { UnknownMerchantError } from './unknown-merchant.error';

/** What the merchant's refunds do with their sales' fees. */
export type RefundFeePolicySet = Readonly<{ type: 'RefundFeePolicySet'; data: Readonly<{ merchantId: string; policy: RefundFeePolicy }> }>;

export function setRefundFeePolicy(data: RefundFeePolicySet['data'], merchants: KeyedRecord<unknown>): RefundFeePolicySet {
  const { merchantId, policy } = data;
  if (!(REFUND_FEE_POLICIES as readonly unknown[]).includes(policy)) {
    throw new InvalidRegistrationError(`a refund fee policy is ${REFUND_FEE_POLICIES.join(' or ')}, got ${JSON.stringify(policy)}`);
  }
  if (!hasKeyed(merchants, merchantId)) throw new UnknownMerchantError(merchantId);
  return { type: 'RefundFeePolicySet', data: { merchantId, policy } };
}
