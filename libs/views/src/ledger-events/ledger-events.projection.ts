import type { BatchClosed, LedgerEvent } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import { occurredAtOf, type Recorded } from '../view-row';

export type LedgerEventRow = {
  merchant_id: string;
  terminal_id: string;
  transaction_id: string;
  event_id: string;
  type: string;
  /** The event's data as JSON. */
  data: string;
  occurred_at: string;
  recorded_at: string;
  position: string;
};

/** The transactions an event belongs to in a sale's history (a void or refund also to the original sale), each once. */
function transactionIdsOf(event: LedgerEvent): string[] {
  switch (event.type) {
    case 'TerminalEventRecorded': {
      const { transactionId, payload } = event.data.event;
      return distinctIds(transactionId, 'originalTransactionId' in payload ? payload.originalTransactionId : undefined);
    }
    case 'RefundApproved':
      return distinctIds(event.data.refundId, event.data.originalTransactionId);
    case 'TerminalEventRejected':
      return distinctIds(event.data.transactionId, event.data.originalTransactionId);
    default:
      return 'transactionId' in event.data ? distinctIds(event.data.transactionId, undefined) : [];
  }
}

function distinctIds(first: string | null | undefined, second: string | null | undefined): string[] {
  if (!first) return second ? [second] : [];
  return second && second !== first ? [first, second] : [first];
}

/**
 * A batch close's data for each of its sales: the batch's header and that sale's line (a whole batch copied into
 * every sale's row grows with the square of its size).
 */
function batchClosedData(data: BatchClosed['data']): Map<string, string> {
  const { sales, terminalTotals: _t, ledgerTotals: _l, differences: _d, fees: _f, ...header } = data;
  const byTransaction = new Map<string, string>();
  for (const sale of sales) {
    if (!byTransaction.has(sale.transactionId)) byTransaction.set(sale.transactionId, JSON.stringify({ ...header, sale }));
  }
  return byTransaction;
}

/** A row per transaction the event belongs to, with its data (as stored, or serialised once for all of them). */
export function ledgerEventRows(event: LedgerEvent, recorded: Recorded): LedgerEventRow[] {
  if (event.type === 'BatchClosed') {
    const row = rowBuilder(event, recorded);
    return Array.from(batchClosedData(event.data), ([transactionId, data]) => row(transactionId, data));
  }
  const transactionIds = transactionIdsOf(event);
  if (transactionIds.length === 0) return [];
  const data = recorded.dataJson ?? JSON.stringify(event.data);
  const row = rowBuilder(event, recorded);
  return transactionIds.map((transactionId) => row(transactionId, data));
}

/**
 * The event's rows built whole, its instants and position converted once for all of them: spreading a shared part
 * into every row cost more than building it.
 */
function rowBuilder(event: LedgerEvent, recorded: Recorded): (transactionId: string, data: string) => LedgerEventRow {
  const occurredAt = toClickHouseDateTime(occurredAtOf(event) ?? recorded.recordedAt);
  const recordedAt = toClickHouseDateTime(recorded.recordedAt);
  const position = recorded.position.toString();
  return (transactionId, data) => ({
    merchant_id: event.data.merchantId, terminal_id: event.data.terminalId, transaction_id: transactionId, event_id: recorded.id, type: event.type, data,
    occurred_at: occurredAt, recorded_at: recordedAt, position,
  });
}
