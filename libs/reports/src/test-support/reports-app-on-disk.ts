import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { openCredentialStore, type CredentialStore } from '@posledger/credentials';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { createReadStore, runMigrations, type ReadStore } from '@posledger/read-store';
import { createReportsApp } from '../create-reports-app';
import { VIEW_MIGRATIONS } from '@posledger/views';

export interface ReportsAppOnDisk {
  readonly app: NestFastifyApplication;
  readonly credentials: CredentialStore;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  close(): Promise<void>;
}

/**
 * The reports app on real adapters in a temporary directory: LMDB event store and credentials, chDB with every view
 * but `postings` (`balances` and the export fail there, which is a fault to log).
 */
export async function startReportsAppOnDisk(name: string, rateLimitPerSecond?: number): Promise<ReportsAppOnDisk> {
  const dataDir = mkdtempSync(join(tmpdir(), `${name}-`));
  const eventStore = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
  const readStore = await createReadStore({ dataDir, database: name.replace(/-/g, '_') });
  await runMigrations(readStore, VIEW_MIGRATIONS.filter((table) => table.name !== 'postings'));
  const credentials = openCredentialStore(dataDir);
  const app = await createReportsApp({ readStore, credentials, eventStore, rateLimitPerSecond });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    credentials,
    eventStore,
    readStore,
    async close() {
      await app.close();
      await readStore.close();
      await credentials.close();
      await eventStore.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
