import type { Migration } from '@posledger/read-store';

/** The ledger's views. Versions 100-199 belong to the ledger, 200-299 to reports. */
export const ledgerMigrations: readonly Migration[] = [
  {
    version: 101,
    name: 'postings',
    statements: [
      `CREATE TABLE IF NOT EXISTS postings (
        merchant_id String, terminal_id String, currency LowCardinality(String), account LowCardinality(String),
        debit Int64, credit Int64, transaction_id String, event_type LowCardinality(String),
        occurred_at DateTime64(3, 'UTC'), recorded_at DateTime64(3, 'UTC'), position UInt64, entry UInt16
      ) ENGINE = MergeTree ORDER BY (merchant_id, currency, account, position, entry)`,
    ],
  },
  {
    version: 102,
    name: 'settlement_batches',
    statements: [
      `CREATE TABLE IF NOT EXISTS settlement_batches (
        merchant_id String, terminal_id String, batch_number UInt32, closed_at DateTime64(3, 'UTC'),
        status LowCardinality(String), terminal_totals String, ledger_totals String, differences String, fees String,
        recorded_at DateTime64(3, 'UTC'), position UInt64
      ) ENGINE = MergeTree ORDER BY (merchant_id, closed_at, terminal_id, batch_number)`,
    ],
  },
];
