// The read store port: ClickHouse SQL, embedded (chDB in-process) or a ClickHouse server, behind the
// same @clickhouse/client API so that every query and migration is the same SQL on both.
import type { ClickHouseClient } from '@clickhouse/client';

export type ReadStoreEngine = 'chdb' | 'clickhouse';

export interface ReadStore {
  readonly engine: ReadStoreEngine;
  readonly client: ClickHouseClient;
  /** Rows of a SELECT as objects; parameters are bound by the engine, never spliced into the SQL. */
  select<T>(query: string, params?: Record<string, unknown>): Promise<T[]>;
  /** A statement without a result (DDL, ALTER ... DELETE with mutations_sync). */
  command(query: string, params?: Record<string, unknown>): Promise<void>;
  /** One atomic INSERT of rows as JSONEachRow. */
  insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}
