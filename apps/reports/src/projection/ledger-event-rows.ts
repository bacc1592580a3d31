import type { RecordedEvent } from '@posledger/event-store';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { BatchClosedData, RefundData, RejectedData, SaleData, TerminalEventRecordedData } from './ledger-event-data';

type Row = Record<string, unknown>;

/** The transactions an event belongs to in a sale's history (a void or refund also to the original sale). */
function transactionIdsOf(recorded: RecordedEvent): string[] {
  switch (recorded.type) {
    case 'TerminalEventRecorded': {
      const { event } = recorded.data as unknown as TerminalEventRecordedData;
      return [event.transactionId, event.payload.originalTransactionId].filter((id): id is string => Boolean(id));
    }
    case 'RefundApproved': {
      const d = recorded.data as unknown as RefundData;
      return [d.refundId, d.originalTransactionId];
    }
    case 'TerminalEventRejected': {
      const d = recorded.data as unknown as RejectedData;
      return d.transactionId ? [d.transactionId] : [];
    }
    default: {
      const d = recorded.data as Partial<SaleData>;
      return typeof d.transactionId === 'string' ? [d.transactionId] : [];
    }
  }
}

/**
 * A batch close's rows: each sale gets the batch's header and its own line (a whole batch copied into every sale's
 * row grows with the square of its size).
 */
function batchClosedRows(recorded: RecordedEvent, base: Row): Row[] {
  const { sales, ...batch } = recorded.data as unknown as BatchClosedData & Record<string, unknown>;
  const { terminalTotals: _t, ledgerTotals: _l, differences: _d, fees: _f, ...header } = batch;
  const rows = new Map<string, Row>();
  for (const sale of sales) {
    if (!rows.has(sale.transactionId)) rows.set(sale.transactionId, { ...base, transaction_id: sale.transactionId, data: JSON.stringify({ ...header, sale }) });
  }
  return [...rows.values()];
}

function baseRow(recorded: RecordedEvent, merchantId: string, terminalId: string): Row {
  const occurred = recorded.data as { occurredAt?: string; closedAt?: string; event?: { occurredAt?: string } };
  const occurredAt = occurred.occurredAt ?? occurred.closedAt ?? occurred.event?.occurredAt ?? recorded.recordedAt;
  return {
    merchant_id: merchantId,
    terminal_id: terminalId,
    event_id: recorded.id,
    type: recorded.type,
    occurred_at: toClickHouseDateTime(occurredAt),
    recorded_at: toClickHouseDateTime(recorded.recordedAt),
    position: recorded.position.toString(),
  };
}

/** A row per transaction the event belongs to, with all of its data (serialised once for all of them). */
export function ledgerEventRows(recorded: RecordedEvent, merchantId: string, terminalId: string): Row[] {
  if (recorded.type === 'BatchClosed') return batchClosedRows(recorded, baseRow(recorded, merchantId, terminalId));
  const transactionIds = [...new Set(transactionIdsOf(recorded))];
  if (transactionIds.length === 0) return [];
  const base = baseRow(recorded, merchantId, terminalId);
  const data = JSON.stringify(recorded.data);
  return transactionIds.map((transactionId) => ({ ...base, transaction_id: transactionId, data }));
}
