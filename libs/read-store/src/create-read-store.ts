import { join } from 'path';
import { openChdbReadStore } from './chdb/open-chdb-read-store';
import { openClickHouseReadStore } from './clickhouse/open-clickhouse-read-store';
import type { ReadStore } from './read-store.port';
import { assertDatabaseName } from './sql-identifier';

export interface ReadStoreConfig {
  /** A ClickHouse server (e.g. http://localhost:8123); without it the read store is chDB under dataDir. */
  readonly clickhouseUrl?: string;
  readonly clickhouseUser?: string;
  readonly clickhousePassword?: string;
  /** Created if missing; the engine's `default` when absent. */
  readonly database?: string;
  readonly dataDir: string;
}

/**
 * Opens the read store the configuration names. In one process every chDB read store must use the same
 * dataDir (chDB embeds one engine per process); each gets its own session, so databases can differ.
 */
export async function createReadStore(config: ReadStoreConfig): Promise<ReadStore> {
  if (config.database !== undefined) assertDatabaseName(config.database);
  if (config.clickhouseUrl) {
    return openClickHouseReadStore({
      url: config.clickhouseUrl,
      username: config.clickhouseUser,
      password: config.clickhousePassword,
      database: config.database,
    });
  }
  return openChdbReadStore(join(config.dataDir, 'read-store'), config.database);
}
