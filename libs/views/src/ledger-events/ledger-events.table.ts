import type { Migration } from '@posledger/read-store';

export const ledgerEventsTable: Migration = {
  version: 204,
  name: 'ledger_events',
  statements: [
    `CREATE TABLE IF NOT EXISTS ledger_events (
      merchant_id String, terminal_id String, transaction_id String, event_id String, type LowCardinality(String),
      data String, occurred_at DateTime64(3, 'UTC'), recorded_at DateTime64(3, 'UTC'), position UInt64
    ) ENGINE = MergeTree ORDER BY (transaction_id, position)`,
  ],
};
