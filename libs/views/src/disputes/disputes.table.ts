import type { Migration } from '@posledger/read-store';

/** A row per dispute change: its opening (OPEN, with amount and reason), the merchant's EVIDENCE, and its resolution (WON or LOST, with the fee). */
export const disputesTable: Migration = {
  version: 214,
  name: 'disputes',
  statements: [
    `CREATE TABLE IF NOT EXISTS disputes (
      merchant_id String, terminal_id String, dispute_id String, transaction_id String, status LowCardinality(String),
      method LowCardinality(String), currency LowCardinality(String), amount Int64, fee Int64, reason String, evidence String,
      at DateTime64(3, 'UTC'), position UInt64
    ) ENGINE = MergeTree ORDER BY (merchant_id, terminal_id, dispute_id, position)`,
  ],
};
