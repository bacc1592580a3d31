import { postingsFor, type LedgerEvent } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import { occurredAtOf, type Recorded } from '../view-row';

export type PostingRow = {
  merchant_id: string;
  terminal_id: string;
  currency: string;
  account: string;
  debit: string;
  credit: string;
  transaction_id: string;
  event_type: string;
  occurred_at: string;
  recorded_at: string;
  position: string;
  entry: number;
};

/** The sale (or refund) a posting set belongs to; a batch close's fees belong to the batch. */
function transactionOf(event: LedgerEvent): string {
  if (event.type === 'RefundApproved') return event.data.refundId;
  return 'transactionId' in event.data ? event.data.transactionId ?? '' : '';
}

/** Double-entry postings of a ledger event: the balance view is their sum per merchant, currency and account. */
export function postingRows(event: LedgerEvent, recorded: Recorded): PostingRow[] {
  return postingsFor(event).map((posting, entry) => {
    const minor = posting.amount.amountMinor.toString();
    return {
      merchant_id: event.data.merchantId,
      terminal_id: event.data.terminalId,
      currency: posting.amount.currency,
      account: posting.account,
      debit: posting.side === 'DEBIT' ? minor : '0',
      credit: posting.side === 'CREDIT' ? minor : '0',
      transaction_id: transactionOf(event),
      event_type: event.type,
      occurred_at: toClickHouseDateTime(occurredAtOf(event) ?? recorded.recordedAt),
      recorded_at: toClickHouseDateTime(recorded.recordedAt),
      position: recorded.position.toString(),
      entry,
    };
  });
}
