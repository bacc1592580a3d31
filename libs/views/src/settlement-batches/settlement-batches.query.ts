import type { ReadStore } from '@posledger/read-store';
import { fromClickHouseDateTime } from '@posledger/read-store';
import { moneyJson, type MoneyJson, type ReconciliationStatus, type TotalsDifference } from '@posledger/domain';
import { methodTotalsFromJson, type MethodTotal } from '../method-totals';

export type SettlementTotal = MethodTotal;

/** Terminal minus ledger, for each method and currency where they differ. */
export interface SettlementDifference {
  readonly method: string;
  readonly countDifference: number;
  readonly amountDifference: MoneyJson;
}

export interface SettlementBatch {
  readonly terminalId: string;
  readonly batchNumber: number;
  readonly closedAt: string;
  readonly status: ReconciliationStatus;
  readonly terminalTotals: SettlementTotal[];
  readonly ledgerTotals: SettlementTotal[];
  readonly differences: SettlementDifference[];
  readonly fees: MoneyJson[];
}

interface BatchRow {
  terminal_id: string;
  batch_number: number;
  closed_at: string;
  batch_status: string;
  terminal_totals: string;
  ledger_totals: string;
  differences: string;
  fees: string;
}

const totals = methodTotalsFromJson;

const differences = (json: string): SettlementDifference[] =>
  (JSON.parse(json) as TotalsDifference[]).map((d) => ({ method: d.method, countDifference: d.countDifference, amountDifference: moneyJson(d.minorDifference, d.currency) }));

export async function querySettlementBatches(store: ReadStore, merchantId: string, from: string, to: string): Promise<SettlementBatch[]> {
  const rows = await store.select<BatchRow>(
    `SELECT terminal_id, batch_number, closed_at, toString(status) AS batch_status, terminal_totals, ledger_totals, differences, fees
     FROM settlement_batches
     WHERE merchant_id = {merchantId:String} AND closed_at >= {from:DateTime64(3, 'UTC')} AND closed_at < {to:DateTime64(3, 'UTC')}
     ORDER BY closed_at, terminal_id, batch_number`,
    { merchantId, from, to },
  );
  return rows.map((row) => ({
    terminalId: row.terminal_id,
    batchNumber: row.batch_number,
    closedAt: fromClickHouseDateTime(row.closed_at),
    status: row.batch_status === 'MATCHED' ? 'MATCHED' : 'MISMATCH',
    terminalTotals: totals(row.terminal_totals),
    ledgerTotals: totals(row.ledger_totals),
    differences: differences(row.differences),
    fees: (JSON.parse(row.fees) as MoneyJson[]).map((fee) => moneyJson(fee.minor, fee.currency)),
  }));
}
