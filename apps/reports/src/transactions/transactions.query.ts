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
// A transaction id is the terminal's choice (invariant 7): a transaction is keyed by merchant, terminal and id.
const KEY = 'merchant_id, terminal_id, transaction_id';
const AGGREGATE = `SELECT transaction_id, merchant_id AS merchant, terminal_id AS terminal,
    toString(argMaxIf(status, tuple(position, entry), status != '')) AS current_status,
    toString(anyIf(method, status != '')) AS sale_method, toString(anyIf(scheme, status != '')) AS sale_scheme,
    toString(anyIf(currency, status != '')) AS sale_currency, toString(anyIf(amount, status != '')) AS sale_amount,
    toString(sum(toInt128(refunded))) AS refunded_total, anyIf(masked_pan, masked_pan != '') AS pan,
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
    params.afterTerminal = cursor.terminalId;
    params.afterId = cursor.transactionId;
    having.push("(sale_occurred_at, terminal, transaction_id) < ({afterAt:DateTime64(3, 'UTC')}, {afterTerminal:String}, {afterId:String})");
  }
  const rows = await store.select<TransactionRow>(
    `SELECT * FROM (${AGGREGATE} WHERE merchant_id = {merchantId:String} GROUP BY ${KEY})
     WHERE ${having.join(' AND ')} ORDER BY sale_occurred_at DESC, terminal DESC, transaction_id DESC LIMIT {limit:UInt32}`,
    params,
  );
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({
    cursor: encodeCursor({ occurredAt: row.sale_occurred_at, terminalId: row.terminal, transactionId: row.transaction_id }),
    node: toTransaction(row),
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges[edges.length - 1]?.cursor } };
}

/** Where to look for a transaction id: a merchant's token always names its merchant; a terminal narrows further. */
export interface TransactionScope {
  readonly merchantId?: string;
  readonly terminalId?: string;
}

/** The sales with this id in scope: more than one when terminals (of other merchants, for an auditor) reused it. */
export async function queryTransaction(store: ReadStore, transactionId: string, scope: TransactionScope): Promise<Transaction[]> {
  const conditions = ['transaction_id = {transactionId:String}'];
  if (scope.merchantId !== undefined) conditions.push('merchant_id = {merchantId:String}');
  if (scope.terminalId !== undefined) conditions.push('terminal_id = {terminalId:String}');
  const rows = await store.select<TransactionRow>(`${AGGREGATE} WHERE ${conditions.join(' AND ')} GROUP BY ${KEY}`, { transactionId, ...scope });
  return rows.filter((row) => row.current_status !== '').map(toTransaction);
}

export async function queryTransactionEvents(store: ReadStore, transaction: Pick<Transaction, 'id' | 'merchantId' | 'terminalId'>): Promise<LedgerEvent[]> {
  const rows = await store.select<{ event_position: string; event_id: string; event_type: string; occurred_at: string; recorded_at: string; data: string }>(
    `SELECT toString(position) AS event_position, event_id, toString(type) AS event_type, occurred_at, recorded_at, data
     FROM ledger_events
     WHERE transaction_id = {transactionId:String} AND merchant_id = {merchantId:String} AND terminal_id = {terminalId:String}
     ORDER BY position`,
    { transactionId: transaction.id, merchantId: transaction.merchantId, terminalId: transaction.terminalId },
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
