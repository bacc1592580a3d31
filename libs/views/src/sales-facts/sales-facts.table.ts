import type { Migration } from '@posledger/read-store';

export const salesFactsTable: Migration = {
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
};

const QUARTER_HOUR = 'toStartOfFifteenMinutes(occurred_at)';

/**
 * Totals per merchant, quarter hour (UTC), dimension, currency and kind, kept by ClickHouse beside every part (an
 * aggregate projection): salesSummary reads them for whole quarter hours instead of every fact. A quarter hour lies
 * within one hour of every time zone today; `querySalesSummary` checks that for each one it reads.
 */
export const salesFactsQuarterHourTotals: Migration = {
  version: 218,
  name: 'sales_facts_quarter_hour_totals',
  statements: [
    `ALTER TABLE sales_facts ADD PROJECTION IF NOT EXISTS by_quarter_hour (
      SELECT merchant_id, ${QUARTER_HOUR}, method, scheme, currency, kind, sum(toInt128(amount)), sum(sale_count)
      GROUP BY merchant_id, ${QUARTER_HOUR}, method, scheme, currency, kind)`,
    `ALTER TABLE sales_facts ADD PROJECTION IF NOT EXISTS by_terminal_quarter_hour (
      SELECT merchant_id, ${QUARTER_HOUR}, terminal_id, currency, kind, sum(toInt128(amount)), sum(sale_count)
      GROUP BY merchant_id, ${QUARTER_HOUR}, terminal_id, currency, kind)`,
    'ALTER TABLE sales_facts MATERIALIZE PROJECTION by_quarter_hour',
    'ALTER TABLE sales_facts MATERIALIZE PROJECTION by_terminal_quarter_hour',
  ],
};
