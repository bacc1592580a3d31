// Options shared by both engines so that the same SQL gives the same JSON on chDB and on a server.
import type { ClickHouseSettings } from '@clickhouse/client';

export const clickhouseSettings: ClickHouseSettings = {
  // 64-bit integers and decimals come back as strings (callers convert with BigInt); chDB's default is numbers.
  output_format_json_quote_64bit_integers: 1,
  output_format_json_quote_decimals: 1,
  // Lets rows carry ISO-8601 instants (e.g. an event's recordedAt) straight into DateTime64 columns.
  date_time_input_format: 'best_effort',
  // ALTER ... DELETE returns only once the rows are gone (on every replica).
  mutations_sync: '2',
  // A batch of events may span several months of a monthly-partitioned view (ingest bounds occurredAt to 35 days
  // before receipt, history replays in recorded order): the default of 100 partitions per INSERT would fail such a
  // batch for ever, and splitting by partition would break its one-INSERT-per-table atomicity.
  max_partitions_per_insert_block: '0',
  // A row naming a column its table lacks is refused, not stripped of that value: a projection's misspelt column
  // would otherwise lose its figures without a word (ClickHouse skips unknown fields by default).
  input_format_skip_unknown_fields: 0,
};

/** One SET statement for all the settings (names are ours, not input; string values are quoted). */
export function setStatement(settings: ClickHouseSettings): string {
  const assignments = Object.entries(settings).map(([name, value]) => `${name} = ${typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value)}`);
  return `SET ${assignments.join(', ')}`;
}

const bigintAsString = (_key: string, value: unknown): unknown => (typeof value === 'bigint' ? value.toString() : value);

export const jsonHandling = {
  parse: JSON.parse,
  // Projections hand over 64-bit values as strings already; a replacer would slow every row for the rare bigint,
  // so it only runs once plain JSON.stringify has refused one (with a TypeError).
  stringify: (value: unknown): string => {
    try {
      return JSON.stringify(value);
    } catch (error) {
      if (error instanceof TypeError) return JSON.stringify(value, bigintAsString);
      throw error;
    }
  },
};
