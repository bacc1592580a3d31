import type { ReadStore } from '@posledger/read-store';

export type ExportFormat = 'csv' | 'jsonl';

const CLICKHOUSE_FORMAT: Record<ExportFormat, 'CSVWithNames' | 'JSONEachRow'> = { csv: 'CSVWithNames', jsonl: 'JSONEachRow' };

/**
 * The merchant's journal for a period of recorded time: every posting line in ledger order (event position, then
 * entry), amounts as integer minor units. Rendered by the engine itself in the requested format.
 */
export async function exportLedger(store: ReadStore, merchantId: string, from: string, to: string, format: ExportFormat): Promise<string> {
  const result = await store.client.query({
    query: `SELECT position, entry, recorded_at, occurred_at, terminal_id, transaction_id, event_type, account, currency, debit, credit
            FROM postings
            WHERE merchant_id = {merchantId:String} AND recorded_at >= {from:DateTime64(3, 'UTC')} AND recorded_at < {to:DateTime64(3, 'UTC')}
            ORDER BY position, entry`,
    query_params: { merchantId, from, to },
    format: CLICKHOUSE_FORMAT[format],
  });
  return result.text();
}
