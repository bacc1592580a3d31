import { moneyJson, type BillLineKind, type Discrepancy, type DiscrepancyKind, type MoneyJson, type ThreeWayLine } from '@posledger/domain';
import { fromClickHouseDateTime, type ReadStore } from '@posledger/read-store';

/** An imported bill file and what its reconciliation found; `current` when it is the latest file of its source for the day. */
export interface BillFile {
  readonly source: string;
  readonly sha256: string;
  readonly fileName: string;
  readonly importedBy: string;
  readonly importedAt: string;
  readonly lines: number;
  readonly matched: number;
  readonly discrepancies: number;
  readonly throughPosition: string;
  readonly current: boolean;
}

export type DiscrepancyStatus = 'OPEN' | 'INVESTIGATE' | 'ACCEPT_BILL' | 'WRITE_OFF';

export interface DiscrepancyDecisionRecord {
  readonly decision: string;
  readonly note: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** A discrepancy of a current file as found, where it stands, and the latest decision on it. */
export type ReconciliationDiscrepancy = Omit<Discrepancy, 'discrepancyId'> & {
  readonly id: string;
  readonly source: string;
  readonly sha256: string;
  /** OPEN until someone decides; then the latest decision. */
  readonly status: DiscrepancyStatus;
  readonly decision?: DiscrepancyDecisionRecord;
  /** Every decision on it, oldest first (an investigation, then what was decided). */
  readonly decisions: readonly DiscrepancyDecisionRecord[];
  readonly foundAt: string;
};

export type ThreeWayMatch = ThreeWayLine & { readonly source: string };

/** A day's reconciliation: every bill imported for it, and the discrepancies and three-way match of each source's latest. */
export interface Reconciliation {
  readonly date: string;
  readonly files: readonly BillFile[];
  readonly discrepancies: readonly ReconciliationDiscrepancy[];
  readonly threeWay: readonly ThreeWayMatch[];
}

interface FileRow {
  source: string; sha256: string; file_name: string; imported_by: string; imported_at: string; line_count: number; matched: number; discrepancy_count: number;
  through_position: string; last_position: string;
}

interface DiscrepancyRow {
  discrepancy_id: string; found_source: string; found_sha256: string; found_kind: string; found_trade_kind: string; found_reference: string; found_line: number;
  found_terminal: string; found_transaction: string; found_currency: string; found_bill_amount: string; found_ledger_amount: string; found_bill_fee: string;
  found_ledger_fee: string; found_at: string; decided: [string, string, string, string, string][];
}

interface ThreeWayRow {
  source: string; sha256: string; scope: 'BATCH' | 'DAY'; terminal_id: string; batch_number: number; currency: string; terminal_count: number; terminal_minor: string;
  ledger_count: number; ledger_minor: string; bill_count: number; bill_minor: string; status: 'MATCHED' | 'MISMATCH'; position: string;
}

const amount = (minor: string, currency: string): MoneyJson | undefined => (minor === '' ? undefined : moneyJson(minor, currency));

async function files(store: ReadStore, merchantId: string, date: string): Promise<BillFile[]> {
  const rows = await store.select<FileRow>(
    `SELECT source, sha256, anyIf(file_name, row_kind = 'IMPORTED') AS file_name, anyIf(imported_by, row_kind = 'IMPORTED') AS imported_by,
       toString(minIf(at, row_kind = 'IMPORTED')) AS imported_at, maxIf(line_count, row_kind = 'IMPORTED') AS line_count, maxIf(matched, row_kind = 'RECONCILED') AS matched,
       maxIf(discrepancy_count, row_kind = 'RECONCILED') AS discrepancy_count, anyIf(through_position, row_kind = 'RECONCILED') AS through_position, toString(max(position)) AS last_position
     FROM bill_files WHERE merchant_id = {merchantId:String} AND date = {date:String} GROUP BY source, sha256 ORDER BY source, max(position)`,
    { merchantId, date },
  );
  const latest = new Map(rows.map((row) => [row.source, row.sha256]));
  return rows.map((row) => ({
    source: row.source, sha256: row.sha256, fileName: row.file_name, importedBy: row.imported_by, importedAt: fromClickHouseDateTime(row.imported_at),
    lines: Number(row.line_count), matched: Number(row.matched), discrepancies: Number(row.discrepancy_count), throughPosition: row.through_position,
    current: latest.get(row.source) === row.sha256,
  }));
}

async function discrepancies(store: ReadStore, merchantId: string, date: string, current: ReadonlySet<string>): Promise<ReconciliationDiscrepancy[]> {
  const rows = await store.select<DiscrepancyRow>(
    `SELECT * FROM (
       SELECT discrepancy_id, anyIf(source, row_kind = 'FOUND') AS found_source, anyIf(sha256, row_kind = 'FOUND') AS found_sha256, anyIf(date, row_kind = 'FOUND') AS found_date,
         anyIf(kind, row_kind = 'FOUND') AS found_kind, anyIf(trade_kind, row_kind = 'FOUND') AS found_trade_kind, anyIf(reference, row_kind = 'FOUND') AS found_reference,
         maxIf(line_number, row_kind = 'FOUND') AS found_line, anyIf(terminal_id, row_kind = 'FOUND') AS found_terminal, anyIf(transaction_id, row_kind = 'FOUND') AS found_transaction,
         anyIf(currency, row_kind = 'FOUND') AS found_currency, anyIf(bill_amount, row_kind = 'FOUND') AS found_bill_amount, anyIf(ledger_amount, row_kind = 'FOUND') AS found_ledger_amount,
         anyIf(bill_fee, row_kind = 'FOUND') AS found_bill_fee, anyIf(ledger_fee, row_kind = 'FOUND') AS found_ledger_fee, toString(minIf(at, row_kind = 'FOUND')) AS found_at,
         groupUniqArrayIf((toString(position), toString(decision), note, decided_by, toString(at)), row_kind = 'DECISION') AS decided
       FROM bill_discrepancies WHERE merchant_id = {merchantId:String} GROUP BY discrepancy_id)
     WHERE found_date = {date:String} ORDER BY discrepancy_id`,
    { merchantId, date },
  );
  return rows.filter((row) => current.has(`${row.found_source}|${row.found_sha256}`)).map((row) => {
    const money = (minor: string) => amount(minor, row.found_currency);
    const decisions = [...row.decided].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : 1))
      .map(([, decision, note, decidedBy, at]) => ({ decision, note, decidedBy, decidedAt: fromClickHouseDateTime(at) }));
    const latest = decisions.at(-1);
    return {
      id: row.discrepancy_id, source: row.found_source, sha256: row.found_sha256, kind: row.found_kind as DiscrepancyKind, tradeKind: row.found_trade_kind as BillLineKind, reference: row.found_reference,
      ...(Number(row.found_line) > 0 ? { lineNumber: Number(row.found_line) } : {}),
      ...(row.found_terminal !== '' ? { terminalId: row.found_terminal } : {}),
      ...(row.found_transaction !== '' ? { transactionId: row.found_transaction } : {}),
      ...(money(row.found_bill_amount) ? { billAmount: money(row.found_bill_amount) } : {}),
      ...(money(row.found_ledger_amount) ? { ledgerAmount: money(row.found_ledger_amount) } : {}),
      ...(money(row.found_bill_fee) ? { billFee: money(row.found_bill_fee) } : {}),
      ...(money(row.found_ledger_fee) ? { ledgerFee: money(row.found_ledger_fee) } : {}),
      status: latest ? (latest.decision as DiscrepancyStatus) : 'OPEN',
      ...(latest ? { decision: latest } : {}),
      decisions,
      foundAt: fromClickHouseDateTime(row.found_at),
    };
  });
}

async function threeWay(store: ReadStore, merchantId: string, date: string, current: ReadonlySet<string>): Promise<ThreeWayMatch[]> {
  const rows = await store.select<ThreeWayRow>(
    `SELECT DISTINCT source, sha256, scope, terminal_id, batch_number, currency, terminal_count, toString(terminal_minor) AS terminal_minor, ledger_count,
       toString(ledger_minor) AS ledger_minor, bill_count, toString(bill_minor) AS bill_minor, status, toString(position) AS position
     FROM bill_three_way WHERE merchant_id = {merchantId:String} AND date = {date:String}
     ORDER BY source, scope, terminal_id, batch_number, currency`,
    { merchantId, date },
  );
  return rows.filter((row) => current.has(`${row.source}|${row.sha256}`)).map((row) => ({
    source: row.source, scope: row.scope, terminalId: row.terminal_id, batchNumber: Number(row.batch_number), currency: row.currency,
    terminalCount: Number(row.terminal_count), terminalMinor: row.terminal_minor, ledgerCount: Number(row.ledger_count), ledgerMinor: row.ledger_minor,
    billCount: Number(row.bill_count), billMinor: row.bill_minor, status: row.status,
  }));
}

/** The merchant's reconciliation of a day (YYYY-MM-DD, the bills' business day). */
export async function queryReconciliation(store: ReadStore, merchantId: string, date: string): Promise<Reconciliation> {
  const imported = await files(store, merchantId, date);
  const current = new Set(imported.filter((file) => file.current).map((file) => `${file.source}|${file.sha256}`));
  return { date, files: imported, discrepancies: await discrepancies(store, merchantId, date, current), threeWay: await threeWay(store, merchantId, date, current) };
}
