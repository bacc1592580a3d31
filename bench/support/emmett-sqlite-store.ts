// Emmett's SQLite event store as a store under test, loaded at run time from bench/peers (its own lock, installed by
// scripts/bench-peers), on one shared connection.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempDir } from './temp-dir';
import { emmettStreams, type EmmettStreams } from './emmett-streams';
import { directoryBytes, READ_ALL_PAGE, type StoreUnderTest } from './store-under-test';

const REPO_ROOT = join(__dirname, '..', '..', '..');
export const PEERS_MODULES = join(REPO_ROOT, 'bench', 'peers', 'node_modules');

// The few parts of @event-driven-io/emmett-sqlite this bench calls (see its dist/index.d.cts).
interface SqliteConnection {
  command(sql: string, values?: unknown[]): Promise<unknown>;
  querySingle<T>(sql: string, values?: unknown[]): Promise<T | null>;
  withTransaction<T>(body: () => Promise<T>): Promise<T>;
  close(): void;
}
export interface EmmettSqlite {
  sqliteConnection(options: { fileName: string }): SqliteConnection;
  createEventStoreSchema(connection: SqliteConnection): Promise<void>;
  getSQLiteEventStore(options: {
    fileName: string;
    schema: { autoMigration: 'None' };
    connectionOptions: { singleton: true; connection: SqliteConnection };
  }): EmmettStreams;
  readMessagesBatch(connection: SqliteConnection, options: { from: bigint; batchSize: number }): Promise<{ messages: { metadata: { globalPosition: bigint } }[] }>;
}

/**
 * Emmett's connection counts transaction nesting per connection, not per caller: on one shared connection,
 * concurrent appends join whichever transaction is open, and it commits only when a single append is left in it
 * (with 64 appenders in a loop, nothing was committed until the last appends finished). Queuing the transactions
 * gives each append its own BEGIN IMMEDIATE ... COMMIT, durable when it resolves, as in our store.
 */
function oneTransactionAtATime(connection: SqliteConnection): SqliteConnection {
  let last: Promise<unknown> = Promise.resolve();
  return {
    // Spread: Emmett calls more of the connection than the interface above names.
    ...connection,
    withTransaction(body) {
      const done = last.then(() => connection.withTransaction(body));
      last = done.catch(() => undefined);
      return done;
    },
  };
}

/** Installs bench/peers if it is not yet (scripts/bench-peers), then loads Emmett's SQLite store from it. */
export function loadEmmett(): EmmettSqlite {
  execFileSync(join(REPO_ROOT, 'scripts', 'bench-peers'), { stdio: 'inherit' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- installed apart from the workspace, at run time
  return require(join(PEERS_MODULES, '@event-driven-io', 'emmett-sqlite')) as EmmettSqlite;
}

/** Emmett's own connection, which sets journal_mode WAL; synchronous FULL fsyncs the WAL at each commit. */
async function openEmmettConnection(emmett: EmmettSqlite, fileName: string): Promise<SqliteConnection> {
  const connection = emmett.sqliteConnection({ fileName });
  await connection.command('PRAGMA synchronous = FULL');
  return connection;
}

export async function openEmmett(emmett: EmmettSqlite, dir: string): Promise<StoreUnderTest> {
  const fileName = join(dir, 'events.db');
  const connection = await openEmmettConnection(emmett, fileName);
  // Created up front: Emmett's schema migration nests transactions, which the queue below would deadlock.
  await emmett.createEventStoreSchema(connection);
  const store = emmett.getSQLiteEventStore({
    fileName,
    schema: { autoMigration: 'None' },
    connectionOptions: { singleton: true, connection: oneTransactionAtATime(connection) },
  });
  return {
    ...emmettStreams(store),
    async readAll() {
      let read = 0;
      for (let from = 0n; ; ) {
        const { messages } = await emmett.readMessagesBatch(connection, { from, batchSize: READ_ALL_PAGE });
        if (messages.length === 0) return read;
        read += messages.length;
        from = messages[messages.length - 1].metadata.globalPosition + 1n;
      }
    },
    async bytesOnDisk() {
      await connection.querySingle('PRAGMA wal_checkpoint(TRUNCATE)');
      return directoryBytes(dir);
    },
    async close() {
      connection.close();
    },
  };
}

export async function sqliteSettings(emmett: EmmettSqlite): Promise<string> {
  return withTempDir('emmett-settings-', async (dir) => {
    const connection = await openEmmettConnection(emmett, join(dir, 'events.db'));
    try {
      const version = await connection.querySingle<{ version: string }>('SELECT sqlite_version() AS version');
      const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
      const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
      return `SQLite ${version?.version} (node sqlite3), one shared connection, journal_mode=${journal?.journal_mode}, synchronous=${synchronous?.synchronous} (2 = FULL), one transaction (append) at a time`;
    } finally {
      connection.close();
    }
  });
}

export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(PEERS_MODULES, name, 'package.json'), 'utf8')) as { version: string }).version;
}
