// The read store port: ClickHouse SQL, embedded (chDB in-process) or a ClickHouse server; every query and migration
// is the same SQL on both. Callers see SQL and rows only, never the client behind it.

export type ReadStoreEngine = 'chdb' | 'clickhouse';

/** Output formats the engine renders itself (for exports). */
export type TextFormat = 'CSVWithNames' | 'JSONEachRow';

export interface ReadStore {
  readonly engine: ReadStoreEngine;
  /** Rows of a SELECT as objects; parameters are bound by the engine, never spliced into the SQL. */
  select<T>(query: string, params?: Record<string, unknown>): Promise<T[]>;
  /** The result of a SELECT rendered by the engine in a text format, as one string. */
  selectText(query: string, params: Record<string, unknown>, format: TextFormat): Promise<string>;
  /** A statement without a result (DDL, ALTER ... DELETE with mutations_sync). */
  command(query: string, params?: Record<string, unknown>): Promise<void>;
  /** One atomic INSERT of rows; a missing key, undefined or null gives the column's default. */
  insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}
