import type { LedgerEvent } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded } from '../view-row';

export type SettlementBatchRow = {
  merchant_id: string;
  terminal_id: string;
  batch_number: number;
  closed_at: string;
  status: string;
  terminal_totals: string;
  ledger_totals: string;
  differences: string;
  fees: string;
  recorded_at: string;
  position: string;
};

/** One row per closed batch with both sides' totals and the reconciliation outcome. */
export function settlementBatchRows(event: LedgerEvent, recorded: Recorded): SettlementBatchRow[] {
  if (event.type !== 'BatchClosed') return [];
  const data = event.data;
  return [{
    merchant_id: data.merchantId,
    terminal_id: data.terminalId,
    batch_number: data.batchNumber,
    closed_at: toClickHouseDateTime(data.closedAt),
    status: data.status,
    terminal_totals: JSON.stringify(data.terminalTotals),
    ledger_totals: JSON.stringify(data.ledgerTotals),
    differences: JSON.stringify(data.differences),
    fees: JSON.stringify(data.fees),
    recorded_at: toClickHouseDateTime(recorded.recordedAt),
    position: recorded.position.toString(),
  }];
}
