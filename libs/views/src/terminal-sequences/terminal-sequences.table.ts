import type { Migration } from '@posledger/read-store';

export const terminalSequencesTable: Migration = {
  version: 205,
  name: 'terminal_sequences',
  statements: [
    `CREATE TABLE IF NOT EXISTS terminal_sequences (
      merchant_id String, terminal_id String, kind LowCardinality(String), parked_delta Int32, next_sequence UInt32,
      waiting_since DateTime64(3, 'UTC'), skipped_from UInt32, skipped_to UInt32, skip_reason LowCardinality(String),
      skipped_at DateTime64(3, 'UTC'), position UInt64
    ) ENGINE = MergeTree ORDER BY (merchant_id, terminal_id, position)`,
  ],
};
