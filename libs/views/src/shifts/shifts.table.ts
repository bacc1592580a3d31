import type { Migration } from '@posledger/read-store';

/**
 * One row per shift: OPEN at its opening, replaced by its CLOSED report (the row with the higher position). No
 * Nullable column (a view's checksum hashes whole rows): an OPEN row's closed_at repeats its opened_at.
 */
export const shiftsTable: Migration = {
  version: 209,
  name: 'shifts',
  statements: [
    `CREATE TABLE IF NOT EXISTS shifts (
      merchant_id String, terminal_id String, shift_id String, operator_id String, status LowCardinality(String),
      opened_at DateTime64(3, 'UTC'), closed_at DateTime64(3, 'UTC'), currency LowCardinality(String),
      opening_cash Int64, expected_cash Int64, counted_cash Int64, over_short Int64,
      sales String, voids String, refunds String, position UInt64
    ) ENGINE = ReplacingMergeTree(position) ORDER BY (merchant_id, terminal_id, shift_id)`,
  ],
};

/** The shift's tips per method, as its sales (JSON; '[]' for a shift without tips or closed before them). */
export const shiftTipsColumn: Migration = {
  version: 211,
  name: 'shifts.tips',
  statements: [`ALTER TABLE shifts ADD COLUMN IF NOT EXISTS tips String DEFAULT '[]'`],
};
