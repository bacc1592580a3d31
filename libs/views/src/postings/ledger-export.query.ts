import type { ReadStore, TextFormat } from '@posledger/read-store';

export type ExportFormat = 'csv' | 'jsonl';

const CLICKHOUSE_FORMAT: Record<ExportFormat, TextFormat> = { csv: 'CSVWithNames', jsonl: 'JSONEachRow' };

/**
 * The merchant's journal for a period of recorded time: every posting line in ledger order (event position, then
 * entry), amounts as integer minor units. Rendered by the engine itself in the requested format.
 */
export function exportLedger(store: ReadStore, merchantId: string, from: string, to: string, format: ExportFormat): Promise<string> {
  return store.selectText(
    `SELECT position, entry, recorded_at, occurred_at, terminal_id, transaction_id, event_type, account, currency, debit, credit
            FROM postings
            WHERE merchant_id = {merchantId:String} AND recorded_at >= {from:DateTime64(3, 'UTC')} AND recorded_at < {to:DateTime64(3, 'UTC')}
            ORDER BY position, entry`,
    { merchantId, from, to },
    CLICKHOUSE_FORMAT[format],
  );
}
