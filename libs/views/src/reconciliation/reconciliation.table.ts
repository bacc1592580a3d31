import type { Migration } from '@posledger/read-store';

/**
 * Outside bills and what matching them found. bill_files: a row when a file is imported (IMPORTED: its name, who,
 * its lines) and one when it is reconciled (RECONCILED: matched and discrepancy counts, the store position).
 * bill_discrepancies: a row per discrepancy found (FOUND) and per decision on it (DECISION). bill_three_way: terminal,
 * ledger and bill side by side per batch and day. No Nullable column (a view's checksum hashes whole rows): an
 * amount the row does not have is ''.
 */
export const reconciliationTables: Migration = {
  version: 217,
  name: 'reconciliation',
  statements: [
    `CREATE TABLE IF NOT EXISTS bill_files (
      merchant_id String, source LowCardinality(String), date String, sha256 String, row_kind LowCardinality(String), file_name String, imported_by String,
      line_count UInt32, matched UInt32, discrepancy_count UInt32, through_position String, at DateTime64(3, 'UTC'), position UInt64
    ) ENGINE = MergeTree ORDER BY (merchant_id, date, source, sha256, position)`,
    `CREATE TABLE IF NOT EXISTS bill_discrepancies (
      merchant_id String, discrepancy_id String, row_kind LowCardinality(String), source LowCardinality(String), date String, sha256 String,
      kind LowCardinality(String), trade_kind LowCardinality(String), reference String, line_number UInt32, terminal_id String, transaction_id String,
      currency LowCardinality(String), bill_amount String, ledger_amount String, bill_fee String, ledger_fee String,
      decision LowCardinality(String), note String, decided_by String, at DateTime64(3, 'UTC'), position UInt64
    ) ENGINE = MergeTree ORDER BY (merchant_id, discrepancy_id, position)`,
    `CREATE TABLE IF NOT EXISTS bill_three_way (
      merchant_id String, source LowCardinality(String), date String, sha256 String, scope LowCardinality(String), terminal_id String, batch_number UInt32,
      currency LowCardinality(String), terminal_count UInt32, terminal_minor Int64, ledger_count UInt32, ledger_minor Int64, bill_count UInt32, bill_minor Int64,
      status LowCardinality(String), position UInt64
    ) ENGINE = MergeTree ORDER BY (merchant_id, date, source, sha256, position)`,
  ],
};
