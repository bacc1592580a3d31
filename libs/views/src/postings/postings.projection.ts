import { payoutPostings, postingsFor, type LedgerEvent, type PayoutEvent, type Posting } from '@posledger/domain';
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

type PostingSource = Pick<PostingRow, 'merchant_id' | 'terminal_id' | 'transaction_id' | 'event_type' | 'occurred_at'>;

function rowsOf(postings: readonly Posting[], source: PostingSource, recorded: Recorded): PostingRow[] {
  const recordedAt = toClickHouseDateTime(recorded.recordedAt);
  const position = recorded.position.toString();
  // Each row built whole: spreading the shared part into a row that adds keys to it takes V8's slow path.
  return postings.map((posting, entry) => {
    const minor = posting.amount.amountMinor.toString();
    return {
      merchant_id: source.merchant_id,
      terminal_id: source.terminal_id,
      transaction_id: source.transaction_id,
      event_type: source.event_type,
      occurred_at: source.occurred_at,
      currency: posting.amount.currency,
      account: posting.account,
      debit: posting.side === 'DEBIT' ? minor : '0',
      credit: posting.side === 'CREDIT' ? minor : '0',
      recorded_at: recordedAt,
      position,
      entry,
    };
  });
}

/** The sale (or refund) a posting set belongs to; a batch close's fees belong to the batch. */
function transactionOf(event: LedgerEvent): string {
  if (event.type === 'RefundApproved') return event.data.refundId;
  return 'transactionId' in event.data ? event.data.transactionId ?? '' : '';
}

/** Double-entry postings of a ledger event: the balance view is their sum per merchant, currency and account. */
export function postingRows(event: LedgerEvent, recorded: Recorded): PostingRow[] {
  const postings = postingsFor(event);
  // Most events post nothing: their row parts are not worth building.
  if (postings.length === 0) return [];
  return rowsOf(postings, {
    merchant_id: event.data.merchantId,
    terminal_id: event.data.terminalId,
    transaction_id: transactionOf(event),
    event_type: event.type,
    occurred_at: toClickHouseDateTime(occurredAtOf(event) ?? recorded.recordedAt),
  }, recorded);
}

function payoutOccurredAt(event: PayoutEvent): string {
  switch (event.type) {
    case 'PayoutScheduled':
    case 'PayoutsCutOff':
      return event.data.cutoffAt;
    case 'PayoutPaid':
      return event.data.paidAt;
    case 'PayoutFailed':
      return event.data.failedAt;
  }
}

/** Double-entry postings of a payout event, under the payout's id; a payout concerns no terminal. */
export function payoutPostingRows(event: PayoutEvent, recorded: Recorded): PostingRow[] {
  return rowsOf(payoutPostings(event), {
    merchant_id: event.data.merchantId,
    terminal_id: '',
    transaction_id: 'payoutId' in event.data ? event.data.payoutId : '',
    event_type: event.type,
    occurred_at: toClickHouseDateTime(payoutOccurredAt(event)),
  }, recorded);
}
