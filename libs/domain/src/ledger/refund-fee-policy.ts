/**
 * What becomes of a sale's fee when it is refunded: KEPT by the acquirer (Square's way, the default), or RETURNED
 * in proportion to what is refunded.
 */
export const REFUND_FEE_POLICIES = ['KEPT', 'RETURNED'] as const;
export type RefundFeePolicy = (typeof REFUND_FEE_POLICIES)[number];

/**
 * The part of `feeMinor` a refund returns under RETURNED: the fee on everything refunded so far (rounded down),
 * less what earlier refunds returned. The returns of a sale add up to its whole fee once it is wholly refunded, and
 * never more.
 */
export function feeReturnedBy(feeMinor: bigint, capturedMinor: bigint, refundedBeforeMinor: bigint, refundMinor: bigint, returnedBeforeMinor: bigint): bigint {
  if (capturedMinor <= 0n) return 0n;
  return (feeMinor * (refundedBeforeMinor + refundMinor)) / capturedMinor - returnedBeforeMinor;
}
