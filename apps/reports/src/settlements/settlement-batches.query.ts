import type { ReadStore } from '@posledger/read-store';
import { fromClickHouseDateTime } from '@posledger/read-store';
import { money, type Money } from '../graphql/money.type';
import type { ReconciliationStatus, SettlementBatch, SettlementDifference, SettlementTotal } from './settlement-batch.types';

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

type TotalJson = { method: string; currency: string; count: number; minor: string };
type DifferenceJson = { method: string; currency: string; countDifference: number; minorDifference: string };

const totals = (json: string): SettlementTotal[] =>
  (JSON.parse(json) as TotalJson[]).map((t) => ({ method: t.method, count: t.count, amount: money(t.currency, t.minor) }));

const differences = (json: string): SettlementDifference[] =>
  (JSON.parse(json) as DifferenceJson[]).map((d) => ({ method: d.method, countDifference: d.countDifference, amountDifference: money(d.currency, d.minorDifference) }));

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
    status: row.batch_status as ReconciliationStatus,
    terminalTotals: totals(row.terminal_totals),
    ledgerTotals: totals(row.ledger_totals),
    differences: differences(row.differences),
    fees: (JSON.parse(row.fees) as Money[]).map((fee) => money(fee.currency, fee.minor)),
  }));
}
