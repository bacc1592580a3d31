import type { Migration } from '@posledger/read-store';

export const settlementBatchesTable: Migration = {
  version: 102,
  name: 'settlement_batches',
  statements: [
    `CREATE TABLE IF NOT EXISTS settlement_batches (
      merchant_id String, terminal_id String, batch_number UInt32, closed_at DateTime64(3, 'UTC'),
      status LowCardinality(String), terminal_totals String, ledger_totals String, differences String, fees String,
      recorded_at DateTime64(3, 'UTC'), position UInt64
    ) ENGINE = MergeTree ORDER BY (merchant_id, closed_at, terminal_id, batch_number)`,
  ],
};
