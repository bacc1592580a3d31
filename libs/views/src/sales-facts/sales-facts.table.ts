import type { Migration } from '@posledger/read-store';

export const salesFactsTable: Migration = {
  version: 202,
  name: 'sales_facts',
  // kind SALE / VOID / FEE rows carry the sale's time and dimensions; REFUND rows the refund's time.
  statements: [
    `CREATE TABLE IF NOT EXISTS sales_facts (
      merchant_id String, terminal_id String, transaction_id String, kind LowCardinality(String),
      method LowCardinality(String), scheme LowCardinality(String), currency LowCardinality(String),
      amount Int64, sale_count Int8, occurred_at DateTime64(3, 'UTC'), recorded_at DateTime64(3, 'UTC'),
      position UInt64, entry UInt32
    ) ENGINE = MergeTree PARTITION BY toYYYYMM(occurred_at) ORDER BY (merchant_id, occurred_at, position, entry)`,
  ],
};
