import { randomUUID } from 'crypto';
import { createReadStore, ReadStoreConfig } from './create-read-store';
import { readStoreContract } from './testing';

const url = process.env.CLICKHOUSE_URL;

if (url) {
  const server: ReadStoreConfig = {
    clickhouseUrl: url,
    clickhouseUser: process.env.CLICKHOUSE_USER,
    clickhousePassword: process.env.CLICKHOUSE_PASSWORD,
    dataDir: '',
  };
  const run = randomUUID().slice(0, 8);
  const databases: string[] = [];

  afterAll(async () => {
    const admin = await createReadStore(server);
    for (const database of databases) await admin.command('DROP DATABASE IF EXISTS {db:Identifier}', { db: database });
    await admin.close();
  });

  readStoreContract(`ClickHouse server at ${url}`, () => {
    const database = `posledger_contract_${run}_${databases.length + 1}`;
    databases.push(database);
    return createReadStore({ ...server, database });
  });
} else {
  console.log('ClickHouse read store contract skipped: set CLICKHOUSE_URL (e.g. http://localhost:8123) to run it');
  describe.skip('ReadStore contract: ClickHouse server (skipped: CLICKHOUSE_URL is not set)', () => {
    it('needs a ClickHouse server', () => undefined);
  });
}
