import type { Migration } from '@posledger/read-store';

/**
 * A row per payout change: its scheduling (IN_TRANSIT, with its figures, value date, cut-off and lines), its payment
 * (PAID, with the bank's reference) or its failure (FAILED, with the reason). No Nullable column (a view's checksum
 * hashes whole rows): a column the change does not set holds '', 0 or the epoch.
 */
export const payoutsTable: Migration = {
  version: 215,
  name: 'payouts',
  statements: [
    `CREATE TABLE IF NOT EXISTS payouts (
      merchant_id String, payout_id String, status LowCardinality(String), currency LowCardinality(String),
      amount Int64, settled Int64, fees Int64, value_date String, cutoff_at DateTime64(3, 'UTC'), lines String,
      bank_reference String, reason String, at DateTime64(3, 'UTC'), position UInt64
    ) ENGINE = MergeTree ORDER BY (merchant_id, payout_id, position)`,
  ],
};
