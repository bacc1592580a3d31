import { mkdirSync } from 'node:fs';
import { openCredentialStore } from '@posledger/credentials';
import { createEventStore } from '@posledger/event-store';
import { balanceProjection, ledgerMigrations, RegistryService, settlementProjection, startLedger } from '@posledger/ledger';
import type { PlatformConfig } from '@posledger/platform-config';
import { createReadStore, runMigrations, startProjection, type RunningProjection } from '@posledger/read-store';
import { createReportsApp, reportsMigrations, reportsProjection } from '@posledger/reports';
import { createIngestApp, openSeenEventIds } from '@posledger/terminal-ingest';
import { createTransport } from '@posledger/transport';

export interface RunningPlatform {
  readonly ingestUrl: string;
  readonly reportsUrl: string;
  readonly engines: { transport: string; eventStore: string; readStore: string };
  /** Resolves once every projection has processed what the event store held when called. */
  projectionsCaughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every app in one process: ingest -> transport -> ledger -> event store -> projections -> reports. Embedded
 * engines under config.dataDir unless KAFKA_BROKERS / EVENTSTORE_URL / CLICKHOUSE_URL name servers.
 */
export async function startPlatform(config: PlatformConfig): Promise<RunningPlatform> {
  mkdirSync(config.dataDir, { recursive: true });
  const credentials = openCredentialStore(config.dataDir);
  const eventStore = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
  const transport = await createTransport({ kafkaBrokers: config.kafkaBrokers ? [...config.kafkaBrokers] : undefined, dataDir: config.dataDir, partitions: config.transportPartitions });
  const readStore = await createReadStore({
    clickhouseUrl: config.clickhouseUrl,
    clickhouseUser: config.clickhouseUser,
    clickhousePassword: config.clickhousePassword,
    dataDir: config.dataDir,
  });
  await runMigrations(readStore, [...ledgerMigrations, ...reportsMigrations]);
  const projections: RunningProjection[] = [];
  for (const projection of [balanceProjection, settlementProjection, reportsProjection]) {
    projections.push(await startProjection(eventStore, readStore, projection));
  }

  const registry = new RegistryService(eventStore);
  await registry.view.refresh();
  const ledger = await startLedger({ eventStore, transport, registry: registry.view });

  const seenEventIds = openSeenEventIds(config.dataDir);
  const producer = transport.producer();
  const ingest = await createIngestApp({ directory: registry.view, secrets: credentials, seenEventIds, producer, terminalRateLimit: config.terminalRateLimit });
  await ingest.listen({ port: config.ingestPort, host: config.host });
  const reports = await createReportsApp({ readStore, credentials });
  await reports.listen({ port: config.reportsPort, host: config.host });

  const urlOf = (address: string | { port: number } | null, fallback: number) =>
    `http://${config.host}:${typeof address === 'object' && address ? address.port : fallback}`;

  return {
    ingestUrl: urlOf(ingest.getHttpServer().address(), config.ingestPort),
    reportsUrl: urlOf(reports.getHttpServer().address(), config.reportsPort),
    engines: {
      transport: config.kafkaBrokers ? `kafka ${config.kafkaBrokers.join(',')}` : 'embedded log (lmdb)',
      eventStore: config.eventStoreUrl ? 'EventStoreDB' : 'embedded (lmdb)',
      readStore: readStore.engine === 'chdb' ? 'chDB (in-process ClickHouse)' : 'ClickHouse server',
    },
    projectionsCaughtUp: async () => {
      await Promise.all(projections.map((projection) => projection.caughtUp()));
    },
    async stop() {
      await ingest.close();
      await producer.close();
      await ledger.stop();
      for (const projection of projections) await projection.stop();
      await reports.close();
      await transport.close();
      await readStore.close();
      await eventStore.close();
      await seenEventIds.close();
      await credentials.close();
    },
  };
}
