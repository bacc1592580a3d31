import { createClient } from '@clickhouse/client';
import { clickhouseSettings, jsonHandling, setStatement } from '../client-options';
import { clientReadStore } from '../client-read-store';
import type { ReadStore } from '../read-store.port';
import { openChdbConnection, releaseChdbConnection } from './chdb-connections';

/** database: an already validated identifier. */
export async function openChdbReadStore(path: string, database: string | undefined): Promise<ReadStore> {
  const connection = openChdbConnection(path);
  // Not the client's clickhouse_settings: chDB's connection would run one SET per setting before every statement.
  const client = createClient({ connection: connection.client, json: jsonHandling });
  const release = async (): Promise<void> => {
    await client.close();
    releaseChdbConnection();
  };
  try {
    // A chDB session keeps its settings, as it keeps its current database, for every later statement and insert.
    await client.command({ query: setStatement(clickhouseSettings) });
    if (database !== undefined) {
      // The client's `database` option is an HTTP parameter that chDB ignores; USE sets it for this session.
      await client.command({ query: 'CREATE DATABASE IF NOT EXISTS {db:Identifier}', query_params: { db: database } });
      await client.command({ query: `USE ${database}` });
    }
  } catch (error) {
    await release();
    throw error;
  }
  return clientReadStore('chdb', client, release, connection.insertTabSeparated);
}
