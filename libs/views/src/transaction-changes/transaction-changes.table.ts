import type { Migration } from '@posledger/read-store';

export const transactionChangesTable: Migration = {
  version: 203,
  name: 'transaction_changes',
  statements: [
    `CREATE TABLE IF NOT EXISTS transaction_changes (
      merchant_id String, terminal_id String, transaction_id String, status LowCardinality(String),
      method LowCardinality(String), scheme LowCardinality(String), currency LowCardinality(String), amount Int64,
      refunded Int64, masked_pan String, occurred_at DateTime64(3, 'UTC'), position UInt64, entry UInt32
    ) ENGINE = MergeTree ORDER BY (merchant_id, transaction_id, position, entry)`,
  ],
};

/** The operator who took the sale, on its APPROVED row ('' elsewhere and for sales from before operators). */
export const transactionOperatorColumn: Migration = {
  version: 207,
  name: 'transaction_changes.operator_id',
  statements: [`ALTER TABLE transaction_changes ADD COLUMN IF NOT EXISTS operator_id String DEFAULT ''`],
};

/** A sale's tip: on its APPROVED row when entered before authorisation, on a row of its own (status '') when adjusted. */
export const transactionTipColumn: Migration = {
  version: 210,
  name: 'transaction_changes.tip',
  statements: [`ALTER TABLE transaction_changes ADD COLUMN IF NOT EXISTS tip Int64 DEFAULT 0`],
};

/** A sale approved offline: 1 on its APPROVED row, -1 on the host's answer (a row of its own, or OFFLINE_DECLINED). */
export const transactionOfflineColumn: Migration = {
  version: 212,
  name: 'transaction_changes.offline',
  statements: [`ALTER TABLE transaction_changes ADD COLUMN IF NOT EXISTS offline Int8 DEFAULT 0`],
};

/**
 * When a pre-authorisation's hold expires, on its HELD row (the epoch elsewhere). Not Nullable: a view's checksum
 * hashes whole rows, and the hash of a row holding a NULL is NULL, which the sum would leave out.
 */
export const transactionHoldExpiryColumn: Migration = {
  version: 213,
  name: 'transaction_changes.hold_expires_at',
  statements: [`ALTER TABLE transaction_changes ADD COLUMN IF NOT EXISTS hold_expires_at DateTime64(3, 'UTC') DEFAULT toDateTime64(0, 3, 'UTC')`],
};
