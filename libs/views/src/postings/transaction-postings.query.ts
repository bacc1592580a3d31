import type { ReadStore } from '@posledger/read-store';
import { fromClickHouseDateTime } from '@posledger/read-store';
import { moneyJson, type MoneyJson } from '@posledger/domain';
import type { Transaction } from '../transaction-changes/transactions.query';

/** A double-entry posting line of a sale or of one of its refunds. */
export interface TransactionPosting {
  readonly position: string;
  readonly entry: number;
  readonly eventType: string;
  readonly account: string;
  readonly debit: MoneyJson;
  readonly credit: MoneyJson;
  readonly recordedAt: string;
}

interface PostingRow {
  posting_position: string;
  entry: number;
  posting_event_type: string;
  posting_account: string;
  posting_currency: string;
  debit_minor: string;
  credit_minor: string;
  recorded_at: string;
}

/**
 * The postings of a sale and of its refunds (a refund's postings carry the refund's id), in ledger order. A batch
 * close posts a batch's totals, not a sale's, so its lines are not among them.
 */
export async function queryTransactionPostings(store: ReadStore, sale: Pick<Transaction, 'id' | 'merchantId' | 'terminalId'>): Promise<TransactionPosting[]> {
  const rows = await store.select<PostingRow>(
    `SELECT toString(position) AS posting_position, entry, toString(event_type) AS posting_event_type, toString(account) AS posting_account,
        toString(currency) AS posting_currency, toString(debit) AS debit_minor, toString(credit) AS credit_minor, recorded_at
     FROM postings
     WHERE merchant_id = {merchantId:String} AND terminal_id = {terminalId:String}
       AND transaction_id IN (
         SELECT {saleId:String}
         UNION ALL
         SELECT JSONExtractString(data, 'refundId') FROM ledger_events
         WHERE transaction_id = {saleId:String} AND merchant_id = {merchantId:String} AND terminal_id = {terminalId:String} AND type = 'RefundApproved'
       )
     ORDER BY position, entry`,
    { saleId: sale.id, merchantId: sale.merchantId, terminalId: sale.terminalId },
  );
  return rows.map((row) => ({
    position: row.posting_position,
    entry: row.entry,
    eventType: row.posting_event_type,
    account: row.posting_account,
    debit: moneyJson(row.debit_minor, row.posting_currency),
    credit: moneyJson(row.credit_minor, row.posting_currency),
    recordedAt: fromClickHouseDateTime(row.recorded_at),
  }));
}
