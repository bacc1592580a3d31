import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import type { ReadStore, ReadStoreEngine, TextFormat } from './read-store.port';
import { tabSeparatedWithNames } from './tab-separated-rows';

/** Inserts rows given as TabSeparatedWithNames text into a table. */
export type TextInsert = (table: string, text: string) => Promise<void>;

/**
 * The ReadStore operations over an @clickhouse/client, whichever engine is behind it. `insertText` may take a
 * shorter way to the engine than the client's stream (chDB's in-process insert).
 */
export function clientReadStore(
  engine: ReadStoreEngine,
  client: ClickHouseClient,
  release: () => Promise<void>,
  insertText: TextInsert = async (table, text) => {
    await client.insert({ table, values: Readable.from([text], { objectMode: false }), format: 'TabSeparatedWithNames' });
  },
): ReadStore {
  let closing: Promise<void> | undefined;
  return {
    engine,
    async select<T>(query: string, params?: Record<string, unknown>): Promise<T[]> {
      const result = await client.query({ query, query_params: params, format: 'JSONEachRow' });
      return result.json<T>();
    },
    async selectText(query: string, params: Record<string, unknown>, format: TextFormat): Promise<string> {
      const result = await client.query({ query, query_params: params, format });
      return result.text();
    },
    async command(query: string, params?: Record<string, unknown>): Promise<void> {
      await client.command({ query, query_params: params });
    },
    async insert(table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
      if (rows.length === 0) return;
      const text = tabSeparatedWithNames(rows);
      if (text === undefined) await client.insert({ table, values: rows, format: 'JSONEachRow' });
      else await insertText(table, text);
    },
    close(): Promise<void> {
      closing ??= release();
      return closing;
    },
  };
}
