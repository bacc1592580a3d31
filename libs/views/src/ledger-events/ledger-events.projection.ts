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

/** The transactions an event belongs to in a sale's history (a void or refund also to the original sale). */
function transactionIdsOf(event: LedgerEvent): string[] {
  switch (event.type) {
    case 'TerminalEventRecorded': {
      const { transactionId, payload } = event.data.event;
      return [transactionId, 'originalTransactionId' in payload ? payload.originalTransactionId : undefined].filter((id): id is string => Boolean(id));
    }
    case 'RefundApproved':
      return [event.data.refundId, event.data.originalTransactionId];
    case 'TerminalEventRejected':
      return [event.data.transactionId, event.data.originalTransactionId].filter((id): id is string => Boolean(id));
    default:
      return 'transactionId' in event.data && event.data.transactionId ? [event.data.transactionId] : [];
  }
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

function dataByTransaction(event: LedgerEvent, recorded: Recorded): Map<string, string> {
  if (event.type === 'BatchClosed') return batchClosedData(event.data);
  const transactionIds = [...new Set(transactionIdsOf(event))];
  if (transactionIds.length === 0) return new Map();
  const data = recorded.dataJson ?? JSON.stringify(event.data);
  return new Map(transactionIds.map((transactionId) => [transactionId, data]));
}

/** A row per transaction the event belongs to, with its data (as stored, or serialised once for all of them). */
export function ledgerEventRows(event: LedgerEvent, recorded: Recorded): LedgerEventRow[] {
  const byTransaction = dataByTransaction(event, recorded);
  if (byTransaction.size === 0) return [];
  const occurredAt = toClickHouseDateTime(occurredAtOf(event) ?? recorded.recordedAt);
  const recordedAt = toClickHouseDateTime(recorded.recordedAt);
  const position = recorded.position.toString();
  // Each row built whole: spreading a shared part into every row cost more than building it.
  return [...byTransaction].map(([transactionId, data]) => ({
    merchant_id: event.data.merchantId, terminal_id: event.data.terminalId, transaction_id: transactionId, event_id: recorded.id, type: event.type, data,
    occurred_at: occurredAt, recorded_at: recordedAt, position,
  }));
}
