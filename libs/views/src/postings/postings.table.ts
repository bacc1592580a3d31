import type { Migration } from '@posledger/read-store';

/** Versions 100-199 hold the ledger's own views (postings, settlement batches), 200-299 the reports'. */
export const postingsTable: Migration = {
  version: 101,
  name: 'postings',
  statements: [
    `CREATE TABLE IF NOT EXISTS postings (
      merchant_id String, terminal_id String, currency LowCardinality(String), account LowCardinality(String),
      debit Int64, credit Int64, transaction_id String, event_type LowCardinality(String),
      occurred_at DateTime64(3, 'UTC'), recorded_at DateTime64(3, 'UTC'), position UInt64, entry UInt16
    ) ENGINE = MergeTree ORDER BY (merchant_id, currency, account, position, entry)`,
  ],
};
