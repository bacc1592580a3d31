import type { ReadStore } from '@posledger/read-store';
import type { MoneyJson, RefundApproved } from '@posledger/domain';
import type { TransactionScope } from '../transaction-changes/transactions.query';

/** An approved refund and the sale it refunds (a refund id is the terminal's own, like a sale's). */
export interface Refund {
  readonly id: string;
  readonly merchantId: string;
  readonly terminalId: string;
  readonly saleId: string;
  readonly amount: MoneyJson;
  readonly occurredAt: string;
}

/** The approved refunds with this id in scope: more than one when terminals reused the id. */
export async function queryRefund(store: ReadStore, refundId: string, scope: TransactionScope): Promise<Refund[]> {
  const conditions = ["transaction_id = {refundId:String}", "type = 'RefundApproved'", "JSONExtractString(data, 'refundId') = {refundId:String}"];
  if (scope.merchantId !== undefined) conditions.push('merchant_id = {merchantId:String}');
  if (scope.terminalId !== undefined) conditions.push('terminal_id = {terminalId:String}');
  const rows = await store.select<{ data: string }>(`SELECT data FROM ledger_events WHERE ${conditions.join(' AND ')} ORDER BY position`, { refundId, ...scope });
  return rows.map((row) => {
    const refund = JSON.parse(row.data) as RefundApproved['data'];
    return {
      id: refund.refundId,
      merchantId: refund.merchantId,
      terminalId: refund.terminalId,
      saleId: refund.originalTransactionId,
      amount: refund.amount,
      occurredAt: refund.occurredAt,
    };
  });
}
