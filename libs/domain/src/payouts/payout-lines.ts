import { LedgerEvent } from '../ledger/ledger-events';
import { postingsFor } from '../ledger/postings';
import { PayoutLine } from './payout-events';

/** A payout line and the currency it is in. */
export interface PayoutMovement extends PayoutLine {
  readonly currency: string;
}

function referenceOf(event: LedgerEvent): string {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'BatchClosed') return `batch ${event.data.batchNumber}`;
  if (typeof data.disputeId === 'string') return data.disputeId;
  if (typeof data.refundId === 'string') return data.refundId;
  return typeof data.transactionId === 'string' ? data.transactionId : '';
}

/**
 * What a ledger event changed in the merchant's available funds, per currency (none for most events: a sale is
 * pending until its batch closes). Read from its postings, so that every way funds move is a line, and only those.
 */
export function payoutMovementsOf(event: LedgerEvent, position: bigint): PayoutMovement[] {
  const sums = new Map<string, { settled: bigint; fees: bigint }>();
  for (const { account, side, amount } of postingsFor(event)) {
    if (account !== 'merchant:settled' && account !== 'merchant:fees') continue;
    const sum = sums.get(amount.currency) ?? { settled: 0n, fees: 0n };
    if (account === 'merchant:settled') sum.settled += side === 'CREDIT' ? amount.amountMinor : -amount.amountMinor;
    else sum.fees += side === 'DEBIT' ? amount.amountMinor : -amount.amountMinor;
    sums.set(amount.currency, sum);
  }
  return [...sums.entries()]
    .filter(([, { settled, fees }]) => settled !== 0n || fees !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, { settled, fees }]) => ({
      position: position.toString(),
      terminalId: event.data.terminalId,
      eventType: event.type,
      reference: referenceOf(event),
      currency,
      settled: settled.toString(),
      fees: fees.toString(),
    }));
}
