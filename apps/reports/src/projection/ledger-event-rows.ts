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
    case 'BatchClosed':
      return (recorded.data as unknown as BatchClosedData).sales.map((sale) => sale.transactionId);
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
 * The data a sale's history shows for the event: all of it, except for a batch close, where each sale gets the
 * batch's header and its own line (a whole batch copied into every sale's row grows with the square of its size).
 */
function dataFor(recorded: RecordedEvent, transactionId: string): string {
  if (recorded.type !== 'BatchClosed') return JSON.stringify(recorded.data);
  const { sales, ...batch } = recorded.data as unknown as BatchClosedData & Record<string, unknown>;
  const { terminalTotals: _t, ledgerTotals: _l, differences: _d, fees: _f, ...header } = batch;
  return JSON.stringify({ ...header, sale: sales.find((sale) => sale.transactionId === transactionId) });
}

export function ledgerEventRows(recorded: RecordedEvent, merchantId: string, terminalId: string): Row[] {
  const occurred = (recorded.data as { occurredAt?: string; closedAt?: string; event?: { occurredAt?: string } });
  const occurredAt = occurred.occurredAt ?? occurred.closedAt ?? occurred.event?.occurredAt ?? recorded.recordedAt;
  return [...new Set(transactionIdsOf(recorded))].map((transactionId) => ({
    merchant_id: merchantId,
    terminal_id: terminalId,
    transaction_id: transactionId,
    event_id: recorded.id,
    type: recorded.type,
    data: dataFor(recorded, transactionId),
    occurred_at: toClickHouseDateTime(occurredAt),
    recorded_at: toClickHouseDateTime(recorded.recordedAt),
    position: recorded.position.toString(),
  }));
}
