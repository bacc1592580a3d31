import { fromClickHouseDateTime, type ReadStore } from '@posledger/read-store';
import { moneyJson, type MoneyJson } from '@posledger/domain';

export interface Dispute {
  readonly id: string;
  readonly terminalId: string;
  readonly transactionId: string;
  /** OPEN, WON or LOST. */
  readonly status: string;
  readonly method: string;
  readonly amount: MoneyJson;
  /** The acquirer's chargeback fee on a lost dispute (zero otherwise). */
  readonly fee: MoneyJson;
  readonly reason: string;
  /** The merchant's evidence, once submitted. */
  readonly evidence?: string;
  readonly evidenceSubmittedAt?: string;
  readonly openedAt: string;
  readonly resolvedAt?: string;
}

interface DisputeRow {
  dispute_id: string;
  terminal: string;
  sale: string;
  current_status: string;
  sale_method: string;
  dispute_currency: string;
  held: string;
  fee_total: string;
  opened_reason: string;
  opened_at: string;
  resolved_at: string;
  resolved: number;
  evidence_text: string;
  evidence_at: string;
  evidenced: number;
}

/** The merchant's disputes, newest first; with `status`, only those in it. */
export async function queryDisputes(store: ReadStore, merchantId: string, status?: string): Promise<Dispute[]> {
  const rows = await store.select<DisputeRow>(
    `SELECT * FROM (
       SELECT dispute_id, terminal_id AS terminal, any(transaction_id) AS sale, toString(argMaxIf(status, position, status != 'EVIDENCE')) AS current_status,
         toString(anyIf(method, status = 'OPEN')) AS sale_method, toString(anyIf(currency, status = 'OPEN')) AS dispute_currency, toString(anyIf(amount, status = 'OPEN')) AS held,
         toString(sum(fee)) AS fee_total, anyIf(reason, status = 'OPEN') AS opened_reason,
         minIf(at, status = 'OPEN') AS opened_at, maxIf(at, status IN ('WON', 'LOST')) AS resolved_at, countIf(status IN ('WON', 'LOST')) AS resolved,
         anyIf(evidence, status = 'EVIDENCE') AS evidence_text, maxIf(at, status = 'EVIDENCE') AS evidence_at, countIf(status = 'EVIDENCE') AS evidenced
       FROM disputes WHERE merchant_id = {merchantId:String} GROUP BY terminal_id, dispute_id)
     ${status ? 'WHERE current_status = {status:String}' : ''} ORDER BY opened_at DESC, terminal DESC, dispute_id DESC`,
    { merchantId, ...(status ? { status } : {}) },
  );
  return rows.map((row) => ({
    id: row.dispute_id,
    terminalId: row.terminal,
    transactionId: row.sale,
    status: row.current_status,
    method: row.sale_method,
    amount: moneyJson(row.held, row.dispute_currency),
    fee: moneyJson(row.fee_total, row.dispute_currency),
    reason: row.opened_reason,
    ...(Number(row.evidenced) > 0 ? { evidence: row.evidence_text, evidenceSubmittedAt: fromClickHouseDateTime(row.evidence_at) } : {}),
    openedAt: fromClickHouseDateTime(row.opened_at),
    ...(Number(row.resolved) > 0 ? { resolvedAt: fromClickHouseDateTime(row.resolved_at) } : {}),
  }));
}
