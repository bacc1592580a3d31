// chDB binds one data directory per process. Connections on it are counted so that read stores can be opened
// and closed repeatedly in one process, and a second directory fails with a clear error instead of chDB's.
import type { ClickHouseClientConfigOptions } from '@clickhouse/client';
import { mkdirSync } from 'fs';
import { resolve } from 'path';
import { ChdbPathConflictError } from './chdb-path-conflict.error';

// chdb publishes its Connection only through package "exports", which this workspace's node10 module
// resolution cannot see at compile time; load it at run time and type it from its declaration file.
type ChdbConnectionModule = typeof import('chdb/dist/connection');
// Loaded on first use, not on import: the native library is the process's, and the apps on worker threads (ingest,
// the ledger) import this library without using chDB. Loaded there too, it crashed chDB once such a thread ended.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chdbConnections = (): ChdbConnectionModule => require('chdb/connection');

// chdb declares its Connection against @clickhouse/client-common 1.23.0; @clickhouse/client 1.23.1 bundles its
// own copy of those types, which TypeScript sees as different. They are the same interface at run time.
type ClientConnection = NonNullable<ClickHouseClientConfigOptions['connection']>;

export interface ChdbConnection {
  /** For @clickhouse/client's `connection` option. */
  readonly client: ClientConnection;
  /** chDB's own insert: the bytes go to the engine as they are, not joined to the statement into one SQL string. */
  insertTabSeparated(table: string, text: string): Promise<void>;
}

let open: { path: string; count: number } | undefined;

/** A new chDB session (its own current database and settings) on the process's one data directory. */
export function openChdbConnection(path: string): ChdbConnection {
  const absolute = resolve(path);
  if (open && open.path !== absolute) throw new ChdbPathConflictError(open.path, absolute);
  mkdirSync(absolute, { recursive: true });
  const connection = chdbConnections().createChdbConnection({ path: absolute });
  open = { path: absolute, count: (open?.count ?? 0) + 1 };
  return {
    client: connection as unknown as ClientConnection,
    async insertTabSeparated(table, text) {
      await connection.chdb.rawInsert({ table, values: Buffer.from(text), format: 'TabSeparatedWithNames' });
    },
  };
}

/** Call once per opened connection, after closing it. */
export function releaseChdbConnection(): void {
  if (open && --open.count === 0) open = undefined;
}
