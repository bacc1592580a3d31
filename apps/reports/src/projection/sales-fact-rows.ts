import type { RecordedEvent } from '@posledger/event-store';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { BatchClosedData, RefundData, SaleData, VoidData } from './ledger-event-data';

type Row = Record<string, unknown>;

/**
 * Sales movements: SALE (+1 sale), VOID (-1 sale, the voided amount), FEE (charged at settlement) at the sale's
 * time and dimensions; REFUND at the refund's time with the original sale's dimensions.
 */
export function salesFactRows(recorded: RecordedEvent, merchantId: string, terminalId: string): Row[] {
  const base = { merchant_id: merchantId, terminal_id: terminalId, recorded_at: toClickHouseDateTime(recorded.recordedAt), position: recorded.position.toString() };
  switch (recorded.type) {
    case 'SaleApproved': {
      const d = recorded.data as unknown as SaleData;
      return [{ ...base, transaction_id: d.transactionId, kind: 'SALE', method: d.method, scheme: d.scheme, currency: d.amount.currency, amount: d.amount.minor, sale_count: 1, occurred_at: toClickHouseDateTime(d.occurredAt), entry: 0 }];
    }
    case 'SaleVoided': {
      const d = recorded.data as unknown as VoidData;
      return [{ ...base, transaction_id: d.transactionId, kind: 'VOID', method: d.method, scheme: d.scheme, currency: d.amount.currency, amount: d.amount.minor, sale_count: -1, occurred_at: toClickHouseDateTime(d.saleOccurredAt), entry: 0 }];
    }
    case 'RefundApproved': {
      const d = recorded.data as unknown as RefundData;
      return [{ ...base, transaction_id: d.originalTransactionId, kind: 'REFUND', method: d.method, scheme: d.scheme, currency: d.amount.currency, amount: d.amount.minor, sale_count: 0, occurred_at: toClickHouseDateTime(d.occurredAt), entry: 0 }];
    }
    case 'BatchClosed': {
      const d = recorded.data as unknown as BatchClosedData;
      return d.sales.map((sale, entry) => ({ ...base, transaction_id: sale.transactionId, kind: 'FEE', method: sale.method, scheme: sale.scheme, currency: sale.fee.currency, amount: sale.fee.minor, sale_count: 0, occurred_at: toClickHouseDateTime(sale.occurredAt), entry }));
    }
    default:
      return [];
  }
}
