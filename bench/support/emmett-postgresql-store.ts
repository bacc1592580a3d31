// Emmett's PostgreSQL event store as a store under test, loaded at run time from bench/peers (its own lock,
// installed by scripts/bench-peers), on Emmett's own connection pool to a server the bench starts.
import { join } from 'node:path';
import { PEERS_MODULES } from './emmett-sqlite-store';
import type { PostgresServer } from './postgres-server';
import { emmettStreams, type EmmettStreams } from './emmett-streams';
import { READ_ALL_PAGE, type StoreUnderTest } from './store-under-test';

// The few parts of @event-driven-io/emmett-postgresql and its dumbo this bench calls (see their dist/index.d.ts).
interface SqlExecutor {
  query<T>(sql: unknown): Promise<{ rows: T[] }>;
}
interface DumboPool {
  execute: SqlExecutor;
  close(): Promise<void>;
}
interface EmmettPostgresStore extends EmmettStreams {
  schema: { migrate(): Promise<unknown> };
  close(): Promise<void>;
}
export interface EmmettPostgresql {
  getPostgreSQLEventStore(connectionString: string, options: { schema: { autoMigration: 'None' } }): EmmettPostgresStore;
  readMessagesBatch(execute: SqlExecutor, options: { from: bigint; to: bigint }): Promise<{ messages: unknown[] }>;
}
interface Dumbo {
  dumbo(options: { connectionString: string }): DumboPool;
  rawSql(text: string): unknown;
}

export function loadEmmettPostgresql(): { emmett: EmmettPostgresql; dumbo: Dumbo } {
  /* eslint-disable @typescript-eslint/no-require-imports -- installed apart from the workspace, at run time */
  return {
    emmett: require(join(PEERS_MODULES, '@event-driven-io', 'emmett-postgresql')) as EmmettPostgresql,
    dumbo: require(join(PEERS_MODULES, '@event-driven-io', 'dumbo')) as Dumbo,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** One database per store under test on the bench's server; bytes are the event store's tables with their indexes and TOAST. */
export async function openEmmettPostgresql({ emmett, dumbo }: ReturnType<typeof loadEmmettPostgresql>, server: PostgresServer, database: string): Promise<StoreUnderTest> {
  const admin = dumbo.dumbo({ connectionString: server.connectionString });
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`not a plain database name: ${database}`);
  await admin.execute.query(dumbo.rawSql(`CREATE DATABASE ${database}`));
  await admin.close();
  const connectionString = server.connectionString.replace(/\/[^/]*$/, `/${database}`);
  const store = emmett.getPostgreSQLEventStore(connectionString, { schema: { autoMigration: 'None' } });
  await store.schema.migrate();
  const pool = dumbo.dumbo({ connectionString });
  return {
    ...emmettStreams(store),
    // By ranges of global positions: a page by count comes in transaction order, and paging on its last message's
    // position skips messages of transactions that committed out of position order.
    async readAll() {
      const { rows } = await pool.execute.query<{ last: string | null }>(dumbo.rawSql('SELECT max(global_position)::text AS last FROM emt_messages'));
      const last = BigInt(rows[0].last ?? -1);
      let read = 0;
      for (let from = 0n; from <= last; from += BigInt(READ_ALL_PAGE)) {
        read += (await emmett.readMessagesBatch(pool.execute, { from, to: from + BigInt(READ_ALL_PAGE) - 1n })).messages.length;
      }
      return read;
    },
    async bytesOnDisk() {
      await pool.execute.query(dumbo.rawSql('CHECKPOINT'));
      const { rows } = await pool.execute.query<{ bytes: string }>(
        dumbo.rawSql("SELECT sum(pg_total_relation_size(c.oid))::text AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname = 'public'"),
      );
      return Number(rows[0].bytes);
    },
    async close() {
      await pool.close();
      await store.close();
    },
  };
}
