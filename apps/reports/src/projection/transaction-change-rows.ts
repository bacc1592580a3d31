import type { RecordedEvent } from '@posledger/event-store';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { BatchClosedData, RefundData, SaleData } from './ledger-event-data';

type Row = Record<string, unknown>;

const STATUS_BY_TYPE: Record<string, string> = {
  SaleApproved: 'APPROVED',
  SaleDeclined: 'DECLINED',
  AuthorizationReversed: 'REVERSED',
  SaleVoided: 'VOIDED',
};

/** Status changes of sales; a transaction's current status is its latest change, its refunds their sum. */
export function transactionChangeRows(recorded: RecordedEvent, merchantId: string, terminalId: string): Row[] {
  const base = { merchant_id: merchantId, terminal_id: terminalId, position: recorded.position.toString() };
  const status = STATUS_BY_TYPE[recorded.type];
  if (status) {
    const d = recorded.data as unknown as SaleData & { saleOccurredAt?: string };
    return [{ ...base, transaction_id: d.transactionId, status, method: d.method, scheme: d.scheme, currency: d.amount.currency, amount: d.amount.minor, refunded: '0', masked_pan: d.maskedPan ?? '', occurred_at: toClickHouseDateTime(d.saleOccurredAt ?? d.occurredAt), entry: 0 }];
  }
  if (recorded.type === 'RefundApproved') {
    const d = recorded.data as unknown as RefundData;
    return [{ ...base, transaction_id: d.originalTransactionId, status: '', method: d.method, scheme: d.scheme, currency: d.amount.currency, amount: '0', refunded: d.amount.minor, masked_pan: '', occurred_at: toClickHouseDateTime(d.occurredAt), entry: 0 }];
  }
  if (recorded.type === 'BatchClosed') {
    const d = recorded.data as unknown as BatchClosedData;
    return d.sales.map((sale, entry) => ({ ...base, transaction_id: sale.transactionId, status: 'SETTLED', method: sale.method, scheme: sale.scheme, currency: sale.amount.currency, amount: sale.amount.minor, refunded: '0', masked_pan: '', occurred_at: toClickHouseDateTime(sale.occurredAt), entry }));
  }
  return [];
}
