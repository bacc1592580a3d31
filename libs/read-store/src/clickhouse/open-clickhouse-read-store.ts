import { createClient } from '@clickhouse/client';
import { clickhouseSettings, jsonHandling } from '../client-options';
import { clientReadStore } from '../client-read-store';
import type { ReadStore } from '../read-store.port';

export interface ClickHouseServerConfig {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  /** Created if missing. */
  readonly database?: string;
}

export async function openClickHouseReadStore(config: ClickHouseServerConfig): Promise<ReadStore> {
  const options = {
    url: config.url,
    username: config.username,
    password: config.password,
    json: jsonHandling,
    clickhouse_settings: clickhouseSettings,
  };
  if (config.database !== undefined) {
    const admin = createClient(options);
    try {
      await admin.command({ query: 'CREATE DATABASE IF NOT EXISTS {db:Identifier}', query_params: { db: config.database } });
    } finally {
      await admin.close();
    }
  }
  const client = createClient({ ...options, database: config.database });
  const ping = await client.ping();
  if (!ping.success) {
    await client.close();
    throw new Error(`ClickHouse read store at ${config.url} is unreachable: ${ping.error.message}`);
  }
  return clientReadStore('clickhouse', client, () => client.close());
}
