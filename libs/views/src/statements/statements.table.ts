import type { Migration } from '@posledger/read-store';

/**
 * A row per statement issued: a merchant's day and version, the store position it was computed through, its CSV and
 * its PDF (base64) exactly as issued, each with its SHA-256 (a download must hash to the recorded one).
 */
export const statementsTable: Migration = {
  version: 216,
  name: 'statements',
  statements: [
    `CREATE TABLE IF NOT EXISTS statements (
      merchant_id String, date String, version UInt32, through_position UInt64, sha256 String, csv String, pdf_sha256 String, pdf String,
      issued_at DateTime64(3, 'UTC'), position UInt64
    ) ENGINE = MergeTree ORDER BY (merchant_id, date, version)`,
  ],
};
