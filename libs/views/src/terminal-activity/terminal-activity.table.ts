import type { Migration } from '@posledger/read-store';

/**
 * The latest of each kind of contact per terminal (PROVISIONED, EVENT, HEARTBEAT): merged down to one row per kind,
 * read with argMax by position so that rows not yet merged do not count.
 */
export const terminalActivityTable: Migration = {
  version: 206,
  name: 'terminal_activity',
  statements: [
    `CREATE TABLE IF NOT EXISTS terminal_activity (
      merchant_id String, terminal_id String, kind LowCardinality(String), recorded_at DateTime64(3, 'UTC'),
      app_version String, network LowCardinality(String), signal Int16, paper_low Int8, position UInt64
    ) ENGINE = ReplacingMergeTree(position) ORDER BY (merchant_id, terminal_id, kind)`,
  ],
};

/** Who is signed in at the terminal, on its OPERATOR row ('' for nobody). */
export const terminalOperatorColumn: Migration = {
  version: 208,
  name: 'terminal_activity.operator_id',
  statements: [`ALTER TABLE terminal_activity ADD COLUMN IF NOT EXISTS operator_id String DEFAULT ''`],
};
