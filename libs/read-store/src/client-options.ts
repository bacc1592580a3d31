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
};

export const jsonHandling = {
  parse: JSON.parse,
  stringify: (value: unknown): string => JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
};
