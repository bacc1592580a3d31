import type { Migration } from '@posledger/read-store';

export const merchantsTable: Migration = {
  version: 201,
  name: 'merchants',
  statements: [
    `CREATE TABLE IF NOT EXISTS merchants (
      merchant_id String, name String, time_zone String, currency LowCardinality(String), position UInt64
    ) ENGINE = ReplacingMergeTree(position) ORDER BY merchant_id`,
  ],
};
