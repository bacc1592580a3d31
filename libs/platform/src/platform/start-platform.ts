import { mkdirSync } from 'node:fs';
import { openCredentialStore } from '@posledger/credentials';
import { absorbLmdbCommitFailures, createEventStore } from '@posledger/event-store';
import { openRegistry } from '@posledger/registry';
import type { PlatformConfig } from '@posledger/platform-config';
import { createTransport } from '@posledger/transport';
import type { LiveProjections } from './live-projections';
import { ALL_APPS, platformEngines, type PlatformApp, type PlatformEngines } from './platform-apps';
import type { ThreadApp } from './thread-layout';

export interface RunningPlatform {
  readonly apps: readonly PlatformApp[];
  readonly ingestUrl?: string;
  readonly reportsUrl?: string;
  readonly engines: PlatformEngines;
  /** Resolves once every projection has processed what the event store held when called. */
  projectionsCaughtUp(): Promise<void>;
  /** With reports here: the terminals whose parked events the views show, for a ledger started elsewhere. */
  readonly terminalsHoldingParkedEvents?: () => Promise<readonly string[]>;
  /** The apps on worker threads, each with its thread's operating system id (the main thread's is the process id). */
  readonly threads?: readonly AppThreadId[];
  stop(): Promise<void>;
}

/** For `top -H -p PID` and the benches' CPU by thread: Node 20 gives its threads no names. */
export interface AppThreadId {
  readonly app: ThreadApp;
  readonly osThreadId: number;
}

/**
 * The apps in one process: ingest -> transport -> ledger -> event store -> projections -> reports. Embedded
 * engines under config.dataDir unless KAFKA_BROKERS / EVENTSTORE_URL / CLICKHOUSE_URL name servers. With Kafka, more
 * processes may run `ledger` alone on the same store: they share the partitions as one consumer group. The
 * projections run with reports (chDB is one process's).
 */
export interface PlatformOptions {
  /** For a ledger whose views run elsewhere: the terminals holding parked events, swept from the start. */
  readonly terminalsHoldingParkedEvents?: () => Promise<readonly string[]>;
  /**
   * Whether a ledger here also runs the daily jobs (anchoring, the statement clock); default true. On threads they
   * run on one of their own, once however many ledgers run (each would issue the same statements).
   */
  readonly dailyJobs?: boolean;
}

export async function startPlatform(config: PlatformConfig, apps: readonly PlatformApp[] = ALL_APPS, options: PlatformOptions = {}): Promise<RunningPlatform> {
  mkdirSync(config.dataDir, { recursive: true });
  absorbLmdbCommitFailures();
  const stops: (() => Promise<unknown>)[] = [];
  const credentials = openCredentialStore(config.dataDir);
  stops.unshift(() => credentials.close());
  const eventStore = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
  stops.unshift(() => eventStore.close());
  const transport = await createTransport({
    kafkaBrokers: config.kafkaBrokers,
    dataDir: config.dataDir,
    partitions: config.transportPartitions,
    topic: config.kafkaTopic,
    dlqTopic: config.kafkaDlqTopic,
    kafkaSessionTimeoutMs: config.kafkaSessionTimeoutMs,
  });
  stops.unshift(() => transport.close());
  const registry = await openRegistry(eventStore);
  stops.unshift(() => registry.close());

  let live: LiveProjections | undefined;
  let reportsUrl: string | undefined;
  let readStoreEngine: string | undefined;
  let holdingParkedEventsInViews: (() => Promise<readonly string[]>) | undefined;
  // Each app's modules are loaded only where it runs: a thread running ingest does not compile GraphQL, chDB or the
  // ledger (a restart of the platform waits on every thread's loading).
  if (apps.includes('reports')) {
    const [{ createReadStore, createViewRebuilder, runMigrations }, { createReportsApp }, { VIEW_MIGRATIONS, VIEW_PROJECTIONS, terminalsHoldingParkedEvents }, { LiveProjections }] = await Promise.all([
      import('@posledger/read-store'),
      import('@posledger/reports'),
      import('@posledger/views'),
      import('./live-projections'),
    ]);
    const readStore = await createReadStore({
      clickhouseUrl: config.clickhouseUrl,
      clickhouseUser: config.clickhouseUser,
      clickhousePassword: config.clickhousePassword,
      dataDir: config.dataDir,
    });
    stops.unshift(() => readStore.close());
    holdingParkedEventsInViews = () => terminalsHoldingParkedEvents(readStore);
    readStoreEngine = readStore.engine === 'chdb' ? 'chDB (in-process ClickHouse)' : 'ClickHouse server';
    await runMigrations(readStore, VIEW_MIGRATIONS);
    const projections = new LiveProjections(eventStore, readStore, VIEW_PROJECTIONS);
    live = projections;
    stops.unshift(() => projections.stop());
    await projections.start();
    const views = createViewRebuilder({ eventStore, readStore, projections: VIEW_PROJECTIONS, live: projections });
    const reports = await createReportsApp({
      readStore, credentials, views, eventStore, rateLimitPerSecond: config.reportsRateLimit, terminalOfflineAfterMs: config.terminalOfflineAfterMs,
      foldedMerchants: config.foldedMerchants,
    });
    await reports.listen({ port: config.reportsPort, host: config.host });
    stops.unshift(() => reports.close());
    reportsUrl = urlOf(config, reports.getHttpServer().address());
  }

  if (apps.includes('ledger')) {
    const { startLedger } = await import('@posledger/ledger');
    const ledger = await startLedger({
      eventStore,
      transport,
      registry: registry.view,
      sequencePolicy: { gapTimeoutMs: config.sequenceGapTimeoutMs },
      maxCachedEvents: config.ledgerCachedEvents,
      terminalsHoldingParkedEvents: holdingParkedEventsInViews ?? options.terminalsHoldingParkedEvents,
    });
    stops.unshift(() => ledger.stop());
  }
  if (apps.includes('ledger') && options.dailyJobs !== false) {
    const { startDailyJobs } = await import('./daily-jobs');
    const dailyJobs = startDailyJobs({ eventStore, registry }, config.foldedMerchants);
    stops.unshift(() => dailyJobs.stop());
  }

  let ingestUrl: string | undefined;
  if (apps.includes('ingest')) {
    const { createIngestApp, openSeenEventIds } = await import('@posledger/terminal-ingest');
    const seenEventIds = openSeenEventIds(config.dataDir);
    stops.unshift(() => seenEventIds.close());
    const producer = transport.producer();
    stops.unshift(() => producer.close());
    const ingest = await createIngestApp({ directory: registry.view, secrets: credentials, seenEventIds, producer, terminalRateLimit: config.terminalRateLimit, terminalEventRateLimit: config.terminalEventRateLimit });
    await ingest.listen({ port: config.ingestPort, host: config.host });
    stops.unshift(() => ingest.close());
    ingestUrl = urlOf(config, ingest.getHttpServer().address());
  }

  return {
    apps,
    ingestUrl,
    reportsUrl,
    engines: platformEngines(config, readStoreEngine),
    projectionsCaughtUp: async () => {
      await live?.caughtUp();
    },
    ...(holdingParkedEventsInViews ? { terminalsHoldingParkedEvents: holdingParkedEventsInViews } : {}),
    /** In reverse order of starting: ingest stops taking batches first, the stores close last. */
    async stop() {
      for (const stop of stops) await stop();
    },
  };
}

function urlOf(config: PlatformConfig, address: string | { port: number } | null): string {
  return `http://${config.host}:${typeof address === 'object' && address ? address.port : 0}`;
}
