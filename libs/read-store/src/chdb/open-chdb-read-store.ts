import { createClient } from '@clickhouse/client';
import { clickhouseSettings, jsonHandling } from '../client-options';
import { clientReadStore } from '../client-read-store';
import type { ReadStore } from '../read-store.port';
import { openChdbConnection, releaseChdbConnection } from './chdb-connections';

/** database: an already validated identifier. */
export async function openChdbReadStore(path: string, database: string | undefined): Promise<ReadStore> {
  const connection = openChdbConnection(path);
  const client = createClient({ connection, json: jsonHandling, clickhouse_settings: clickhouseSettings });
  const release = async (): Promise<void> => {
    await client.close();
    releaseChdbConnection();
  };
  try {
    if (database !== undefined) {
      // The client's `database` option is an HTTP parameter that chDB ignores; USE sets it for this session.
      await client.command({ query: 'CREATE DATABASE IF NOT EXISTS {db:Identifier}', query_params: { db: database } });
      await client.command({ query: `USE ${database}` });
    }
  } catch (error) {
    await release();
    throw error;
  }
  return clientReadStore('chdb', client, release);
}
