import type { ReadStore } from '@posledger/read-store';
import { fromClickHouseDateTime } from '@posledger/read-store';
import { moneyJson, type MoneyJson } from '@posledger/domain';

export interface Transaction {
  readonly id: string;
  readonly merchantId: string;
  readonly terminalId: string;
  /** HELD, RELEASED, APPROVED, DECLINED, REVERSED, VOIDED, SETTLED or OFFLINE_DECLINED. */
  readonly status: string;
  readonly method: string;
  readonly scheme: string;
  readonly maskedPan?: string;
  /** The operator who took the sale; absent when the terminal's merchant records none. */
  readonly operatorId?: string;
  readonly amount: MoneyJson;
  readonly refunded: MoneyJson;
  /** The sale's tip (zero when none). */
  readonly tip: MoneyJson;
  /** Approved by the terminal offline (store-and-forward). */
  readonly offline: boolean;
  /** Approved offline and not yet answered by the host. */
  readonly awaitingHost: boolean;
  /** What a pre-authorisation held (zero for a sale that was not one). */
  readonly held: MoneyJson;
  /** When its hold expires; absent for a sale that was not a pre-authorisation. */
  readonly holdExpiresAt?: string;
  readonly occurredAt: string;
}

/** An event of the ledger that concerns a sale, in the order the ledger recorded it; `data` as JSON. */
export interface TransactionEvent {
  readonly position: string;
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly data: string;
}

/** `from` and `to` (the sale's occurredAt) as ClickHouse DateTime64 text. */
export interface TransactionFilter {
  readonly status?: string;
  readonly method?: string;
  readonly terminalId?: string;
  readonly operatorId?: string;
  readonly from?: string;
  readonly to?: string;
  /** The sale's amount in minor units, inclusive bounds. */
  readonly minAmount?: bigint;
  readonly maxAmount?: bigint;
  /** true: only sales with a refund; false: only sales without. */
  readonly refunded?: boolean;
}

/** Where a page ends: the last sale's occurredAt (ClickHouse text), terminal and id, in the page's order. */
export interface TransactionCursor {
  readonly occurredAt: string;
  readonly terminalId: string;
  readonly transactionId: string;
}

export interface TransactionPage {
  readonly transactions: readonly { readonly cursor: TransactionCursor; readonly transaction: Transaction }[];
  readonly hasNextPage: boolean;
}

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
  tip_total: string;
  offline_mark: number;
  offline_open: string;
  held_total: string;
  hold_expiry: string;
  held_rows: string;
  pan: string;
  operator: string;
  sale_occurred_at: string;
}

// Output names differ from every column: ClickHouse lets an alias shadow a column in WHERE and in aggregates.
// A transaction id is the terminal's choice (invariant 7): a transaction is keyed by merchant, terminal and id.
const KEY = 'merchant_id, terminal_id, transaction_id';
const AGGREGATE = `SELECT transaction_id, merchant_id AS merchant, terminal_id AS terminal,
    toString(argMaxIf(status, tuple(position, entry), status != '')) AS current_status,
    toString(anyIf(method, status != '')) AS sale_method, toString(anyIf(scheme, status != '')) AS sale_scheme,
    toString(anyIf(currency, status != '')) AS sale_currency,
    toString(argMaxIf(amount, tuple(position, entry), status IN ('APPROVED', 'DECLINED', 'REVERSED', 'HELD'))) AS sale_amount,
    toString(sumIf(toInt128(amount), status = 'HELD')) AS held_total, maxIf(hold_expires_at, status = 'HELD') AS hold_expiry, toString(countIf(status = 'HELD')) AS held_rows,
    toString(sum(toInt128(refunded))) AS refunded_total, toString(sum(toInt128(tip))) AS tip_total,
    max(offline) AS offline_mark, toString(sum(offline)) AS offline_open, anyIf(masked_pan, masked_pan != '') AS pan,
    anyIf(operator_id, operator_id != '') AS operator,
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
  operatorId: row.operator || undefined,
  amount: moneyJson(row.sale_amount, row.sale_currency),
  refunded: moneyJson(row.refunded_total, row.sale_currency),
  tip: moneyJson(row.tip_total, row.sale_currency),
  offline: Number(row.offline_mark) === 1,
  awaitingHost: Number(row.offline_open) > 0,
  held: moneyJson(row.held_total, row.sale_currency),
  holdExpiresAt: Number(row.held_rows) > 0 ? fromClickHouseDateTime(row.hold_expiry) : undefined,
  occurredAt: fromClickHouseDateTime(row.sale_occurred_at),
});

export async function queryTransactions(
  store: ReadStore,
  merchantId: string,
  filter: TransactionFilter | undefined,
  limit: number,
  after: TransactionCursor | undefined,
): Promise<TransactionPage> {
  const params: Record<string, unknown> = { merchantId, limit: limit + 1 };
  const having = ["current_status != ''"];
  const condition = (sql: string, name: string, value: unknown) => {
    params[name] = value;
    having.push(sql);
  };
  if (filter?.status) condition('current_status = {status:String}', 'status', filter.status);
  if (filter?.method) condition('sale_method = {method:String}', 'method', filter.method);
  if (filter?.terminalId) condition('terminal = {terminalId:String}', 'terminalId', filter.terminalId);
  if (filter?.operatorId) condition('operator = {operatorId:String}', 'operatorId', filter.operatorId);
  if (filter?.from) condition("sale_occurred_at >= {from:DateTime64(3, 'UTC')}", 'from', filter.from);
  if (filter?.to) condition("sale_occurred_at < {to:DateTime64(3, 'UTC')}", 'to', filter.to);
  if (filter?.minAmount !== undefined) condition('toInt64(sale_amount) >= {minAmount:Int64}', 'minAmount', filter.minAmount);
  if (filter?.maxAmount !== undefined) condition('toInt64(sale_amount) <= {maxAmount:Int64}', 'maxAmount', filter.maxAmount);
  if (filter?.refunded !== undefined) having.push(filter.refunded ? 'toInt128(refunded_total) > 0' : 'toInt128(refunded_total) = 0');
  if (after) {
    params.afterAt = after.occurredAt;
    params.afterTerminal = after.terminalId;
    params.afterId = after.transactionId;
    having.push("(sale_occurred_at, terminal, transaction_id) < ({afterAt:DateTime64(3, 'UTC')}, {afterTerminal:String}, {afterId:String})");
  }
  const rows = await store.select<TransactionRow>(
    `SELECT * FROM (${AGGREGATE} WHERE merchant_id = {merchantId:String} GROUP BY ${KEY})
     WHERE ${having.join(' AND ')} ORDER BY sale_occurred_at DESC, terminal DESC, transaction_id DESC LIMIT {limit:UInt32}`,
    params,
  );
  const transactions = rows.slice(0, limit).map((row) => ({
    cursor: { occurredAt: row.sale_occurred_at, terminalId: row.terminal, transactionId: row.transaction_id },
    transaction: toTransaction(row),
  }));
  return { transactions, hasNextPage: rows.length > limit };
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

export async function queryTransactionEvents(store: ReadStore, transaction: Pick<Transaction, 'id' | 'merchantId' | 'terminalId'>): Promise<TransactionEvent[]> {
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
