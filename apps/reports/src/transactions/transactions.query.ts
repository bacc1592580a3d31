import type { ReadStore } from '@posledger/read-store';
import { fromClickHouseDateTime } from '@posledger/read-store';
import { instantArgument } from '../graphql/instant';
import { money } from '../graphql/money.type';
import { decodeCursor, encodeCursor } from './transaction-cursor';
import type { LedgerEvent, Transaction, TransactionConnection, TransactionFilter } from './transaction.types';

interface TransactionRow {
  transaction_id: string;
  merchant: string;
  terminal: string;
  current_status: string;
  sale_method: string;
  sale_scheme: string;
  sale_currency: string;
  sale_amount: string;
  refunded_total: string;
  pan: string;
  sale_occurred_at: string;
}

// Output names differ from every column: ClickHouse lets an alias shadow a column in WHERE and in aggregates.
const AGGREGATE = `SELECT transaction_id, any(merchant_id) AS merchant, any(terminal_id) AS terminal,
    toString(argMaxIf(status, tuple(position, entry), status != '')) AS current_status,
    toString(anyIf(method, status != '')) AS sale_method, toString(anyIf(scheme, status != '')) AS sale_scheme,
    toString(anyIf(currency, status != '')) AS sale_currency, toString(anyIf(amount, status != '')) AS sale_amount,
    toString(sum(refunded)) AS refunded_total, anyIf(masked_pan, masked_pan != '') AS pan,
    minIf(occurred_at, status != '') AS sale_occurred_at
  FROM transaction_changes`;

const toTransaction = (row: TransactionRow): Transaction => ({
  id: row.transaction_id,
  merchantId: row.merchant,
  terminalId: row.terminal,
  status: row.current_status,
  method: row.sale_method,
  scheme: row.sale_scheme,
  maskedPan: row.pan || undefined,
  amount: money(row.sale_currency, row.sale_amount),
  refunded: money(row.sale_currency, row.refunded_total),
  occurredAt: fromClickHouseDateTime(row.sale_occurred_at),
});

export async function queryTransactions(
  store: ReadStore,
  merchantId: string,
  filter: TransactionFilter | undefined,
  limit: number,
  after: string | undefined,
): Promise<TransactionConnection> {
  const params: Record<string, unknown> = { merchantId, limit: limit + 1 };
  const having = ["current_status != ''"];
  const condition = (sql: string, name: string, value: unknown) => {
    params[name] = value;
    having.push(sql);
  };
  if (filter?.status) condition('current_status = {status:String}', 'status', filter.status);
  if (filter?.method) condition('sale_method = {method:String}', 'method', filter.method);
  if (filter?.terminalId) condition('terminal = {terminalId:String}', 'terminalId', filter.terminalId);
  if (filter?.from) condition("sale_occurred_at >= {from:DateTime64(3, 'UTC')}", 'from', instantArgument('filter.from', filter.from));
  if (filter?.to) condition("sale_occurred_at < {to:DateTime64(3, 'UTC')}", 'to', instantArgument('filter.to', filter.to));
  if (after) {
    const cursor = decodeCursor(after);
    params.afterAt = cursor.occurredAt;
    params.afterId = cursor.transactionId;
    having.push("(sale_occurred_at, transaction_id) < ({afterAt:DateTime64(3, 'UTC')}, {afterId:String})");
  }
  const rows = await store.select<TransactionRow>(
    `SELECT * FROM (${AGGREGATE} WHERE merchant_id = {merchantId:String} GROUP BY transaction_id)
     WHERE ${having.join(' AND ')} ORDER BY sale_occurred_at DESC, transaction_id DESC LIMIT {limit:UInt32}`,
    params,
  );
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: encodeCursor({ occurredAt: row.sale_occurred_at, transactionId: row.transaction_id }), node: toTransaction(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges[edges.length - 1]?.cursor } };
}

export async function queryTransaction(store: ReadStore, transactionId: string): Promise<Transaction | undefined> {
  const rows = await store.select<TransactionRow>(`${AGGREGATE} WHERE transaction_id = {transactionId:String} GROUP BY transaction_id`, { transactionId });
  return rows[0] && rows[0].current_status !== '' ? toTransaction(rows[0]) : undefined;
}

export async function queryTransactionEvents(store: ReadStore, transactionId: string): Promise<LedgerEvent[]> {
  const rows = await store.select<{ event_position: string; event_id: string; event_type: string; occurred_at: string; recorded_at: string; data: string }>(
    `SELECT toString(position) AS event_position, event_id, toString(type) AS event_type, occurred_at, recorded_at, data
     FROM ledger_events WHERE transaction_id = {transactionId:String} ORDER BY position`,
    { transactionId },
  );
  return rows.map((row) => ({
    position: row.event_position,
    id: row.event_id,
    type: row.event_type,
    occurredAt: fromClickHouseDateTime(row.occurred_at),
    recordedAt: fromClickHouseDateTime(row.recorded_at),
    data: row.data,
  }));
}
