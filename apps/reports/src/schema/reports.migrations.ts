import type { Migration } from '@posledger/read-store';

/**
 * The reports' views (versions 200-299; the ledger's are 100-199). Every table carries the event store position
 * it came from, which is what makes the projector idempotent.
 */
export const reportsMigrations: readonly Migration[] = [
  {
    version: 201,
    name: 'merchants',
    statements: [
      `CREATE TABLE IF NOT EXISTS merchants (
        merchant_id String, name String, time_zone String, currency LowCardinality(String), position UInt64
      ) ENGINE = ReplacingMergeTree(position) ORDER BY merchant_id`,
    ],
  },
  {
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
  },
  {
    version: 203,
    name: 'transaction_changes',
    statements: [
      `CREATE TABLE IF NOT EXISTS transaction_changes (
        merchant_id String, terminal_id String, transaction_id String, status LowCardinality(String),
        method LowCardinality(String), scheme LowCardinality(String), currency LowCardinality(String), amount Int64,
        refunded Int64, masked_pan String, occurred_at DateTime64(3, 'UTC'), position UInt64, entry UInt32
      ) ENGINE = MergeTree ORDER BY (merchant_id, transaction_id, position, entry)`,
    ],
  },
  {
    version: 204,
    name: 'ledger_events',
    statements: [
      `CREATE TABLE IF NOT EXISTS ledger_events (
        merchant_id String, terminal_id String, transaction_id String, event_id String, type LowCardinality(String),
        data String, occurred_at DateTime64(3, 'UTC'), recorded_at DateTime64(3, 'UTC'), position UInt64
      ) ENGINE = MergeTree ORDER BY (transaction_id, position)`,
    ],
  },
  {
    version: 205,
    name: 'terminal_sequences',
    statements: [
      `CREATE TABLE IF NOT EXISTS terminal_sequences (
        merchant_id String, terminal_id String, kind LowCardinality(String), parked_delta Int32, next_sequence UInt32,
        waiting_since DateTime64(3, 'UTC'), skipped_from UInt32, skipped_to UInt32, skip_reason LowCardinality(String),
        skipped_at DateTime64(3, 'UTC'), position UInt64
      ) ENGINE = MergeTree ORDER BY (merchant_id, terminal_id, position)`,
    ],
  },
];
