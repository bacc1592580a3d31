// Ingest through the embedded platform in this process: 200 provisioned terminals, simulator traffic in signed
// batches of 100 from a load worker thread, 64 batches in flight.
//   1. the ingest app alone (transport, no ledger or views running): ingest events/s (202s);
//   2. the whole platform started on that backlog: how fast the ledger and the views drain it;
//   3. the whole platform, traffic as fast as it is taken: ingest events/s and ingest-to-views events/s;
//   4. the whole platform, traffic paced at 5,000 events/s: lag from send to the event store and to every view.
// Baseline: a Fastify hello-world taking the same requests.
import { join } from 'node:path';
import { createLmdbEventStore } from '@posledger/event-store';
import { loadPlatformConfig, type PlatformConfig } from '@posledger/platform-config';
import { startPlatform } from '@posledger/platform';
import { startFastifyBaseline } from './support/fastify-baseline';
import { runHttpLoad, type SignedRequest } from './support/http-load';
import { lagPhase, pipelineFigures, throughputPhase, type PhaseBatches } from './support/ingest-phases';
import { summarizeLoad, type LoadSummary } from './support/load-summary';
import { watchProjections } from './support/projection-watch';
import { provisionTerminals } from './support/provision-terminals';
import { compareWithBaseline, compareWithTarget } from './support/report';
import { chunk } from './support/chunk';
import { signBatch } from './support/signed-batches';
import { percentile } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories, type BenchTerminal } from './support/terminal-traffic';

const TERMINALS = 200;
const BATCH_SIZE = 100;
const CONCURRENCY = 64;
/** Batches per terminal for phases 1, 3 and 4. */
const PHASE_BATCHES = [5, 2, 3] as const;
const LAG_EVENTS_PER_SECOND = 5_000;
const count = (n: number): string => n.toLocaleString('en-US');

function benchConfig(dataDir: string): PlatformConfig {
  return loadPlatformConfig({
    ...process.env,
    POSLEDGER_DATA: dataDir,
    INGEST_PORT: '0',
    REPORTS_PORT: '0',
    TERMINAL_RATE_LIMIT: '1000000',
    KAFKA_BROKERS: '',
    EVENTSTORE_URL: '',
    CLICKHOUSE_URL: '',
  });
}

async function load(url: string, requests: readonly (readonly SignedRequest[])[], label: string): Promise<LoadSummary> {
  return summarizeLoad(label, requests, await runHttpLoad({ url, terminals: requests, concurrency: CONCURRENCY }));
}

async function main(): Promise<void> {
  await withTempDir('posledger-ingest-bench-', async (dataDir) => {
    const config = benchConfig(dataDir);
    const terminals = benchTerminals(TERMINALS, 10, 'EUR');
    const secrets = await provisionTerminals(config, terminals, 'Europe/Berlin');
    const totalBatches = PHASE_BATCHES.reduce((sum, n) => sum + n, 0);
    const batches = terminals.map((t) => chunk(terminalHistories([t], totalBatches * BATCH_SIZE, 20261123).get(t.terminalId) ?? [], BATCH_SIZE));
    // Signed just before each phase: a signature is valid for 5 minutes.
    const phase = (index: 0 | 1 | 2): PhaseBatches => {
      const from = PHASE_BATCHES.slice(0, index).reduce((sum, n) => sum + n, 0);
      const events = batches.map((b) => b.slice(from, index === 2 ? undefined : from + PHASE_BATCHES[index]));
      return { events, requests: events.map((b, i) => b.map((batch) => sign(terminals[i], secrets, batch))) };
    };

    const first = phase(0);
    const baseline = await startFastifyBaseline();
    const baselineLoad = await load(baseline.url, first.requests, 'baseline');
    await baseline.close();
    console.log(`baseline: Fastify hello-world POST of the same ${count(baselineLoad.batches)} bodies: ${count(baselineLoad.eventsPerSecond)} events/s`);

    const ingestOnly = await startPlatform(config, ['ingest']);
    const alone = await load(ingestOnly.ingestUrl ?? '', first.requests, 'ingest alone').finally(() => ingestOnly.stop());
    console.log(`1. ingest app alone (no ledger or views running), ${count(alone.events)} events from ${TERMINALS} terminals, batches of ${BATCH_SIZE}, ${CONCURRENCY} in flight:`);
    compareWithTarget('   ingest (202 answered)', alone.eventsPerSecond, 'at least', 50_000, 'events/s');
    compareWithBaseline('   ingest (202 answered)', alone.eventsPerSecond, 'the Fastify hello-world baseline', baselineLoad.eventsPerSecond, 'events/s');

    const startedAt = Date.now();
    const platform = await startPlatform(config);
    const eventStore = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
    const watch = watchProjections(() => eventStore.headPosition(), () => platform.projectionsCaughtUp());
    try {
      const target = { ingestUrl: platform.ingestUrl ?? '', eventStore, watch, projectionsCaughtUp: () => platform.projectionsCaughtUp() };
      const drain = await pipelineFigures(target, 0n, alone.events, startedAt);
      console.log(`2. whole platform started on that backlog of ${count(drain.events)} events (start-up included):`);
      console.log(`   backlog -> event store: ${count(drain.ledgerEventsPerSecond)} events/s`);
      console.log(`   backlog -> every view: ${count(drain.viewsEventsPerSecond)} events/s`);

      const throughput = await throughputPhase(target, phase(1), CONCURRENCY);
      console.log(`3. whole platform, ${count(throughput.events)} events as fast as they are taken:`);
      compareWithTarget('   ingest (202 answered)', throughput.ingestEventsPerSecond, 'at least', 50_000, 'events/s');
      console.log(`   ingest -> event store (last TerminalEventRecorded committed): ${count(throughput.ledgerEventsPerSecond)} events/s`);
      compareWithTarget('   ingest -> every view', throughput.viewsEventsPerSecond, 'at least', 20_000, 'events/s');

      const lag = await lagPhase(target, phase(2), LAG_EVENTS_PER_SECOND, BATCH_SIZE);
      console.log(`4. whole platform, ${count(lag.events)} events paced at ${count(LAG_EVENTS_PER_SECOND)} events/s (taken at ${count(lag.sentEventsPerSecond)} events/s), lag per batch of ${BATCH_SIZE}:`);
      console.log(`   send -> event store: p50 ${percentile(lag.eventStoreLagMs, 50)} ms, p99 ${percentile(lag.eventStoreLagMs, 99)} ms, max ${percentile(lag.eventStoreLagMs, 100)} ms`);
      console.log(`   send -> every view: p50 ${percentile(lag.viewsLagMs, 50)} ms, p99 ${percentile(lag.viewsLagMs, 99)} ms, max ${percentile(lag.viewsLagMs, 100)} ms`);
      compareWithTarget('   p99 lag send -> every view at 5,000 events/s', percentile(lag.viewsLagMs, 99), 'under', 500, 'ms');
    } finally {
      await watch.stop();
      await eventStore.close();
      await platform.stop();
    }
  });
}

function sign(terminal: BenchTerminal, secrets: ReadonlyMap<string, string>, batch: Parameters<typeof signBatch>[2]): SignedRequest {
  return signBatch(terminal.terminalId, secrets.get(terminal.terminalId) ?? '', batch);
}

runBench(main);
