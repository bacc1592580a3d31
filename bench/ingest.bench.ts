// Ingest through the embedded platform in this process: 200 provisioned terminals, simulator traffic in signed
// batches of 100 from a load worker thread, 64 batches in flight.
//   1. the ingest app alone (transport, no ledger or views running): ingest events/s (202s), the median of three
//      rounds (a round lasts 2-3 s, so one alone is at the mercy of the machine's moment); the rounds before the last
//      take the same events on scratch data directories, so that phase 2's backlog stays one round;
//   2. the whole platform started on that backlog: how fast the ledger and the views drain it;
//   3. the whole platform, traffic as fast as it is taken: ingest events/s and ingest-to-views events/s;
//   4. the whole platform, traffic paced at 5,000 events/s: lag from send to the event store and to every view.
// Phases 2-4 run on `posledger start`'s layout (ingest and the ledger on worker threads), then 3-4 again with every
// app on one thread, for comparison; phases 2 and 3 print the cores each thread used (Linux's /proc). Baseline: a
// Fastify hello-world taking the same requests.
import { join } from 'node:path';
import { createLmdbEventStore } from '@posledger/event-store';
import { loadPlatformConfig, type PlatformConfig } from '@posledger/platform-config';
import { heapGrowthLabel, limitHeapGrowth, startPlatform, startPlatformOnThreads, type RunningPlatform } from '@posledger/platform';
import { startFastifyBaseline } from './support/fastify-baseline';
import { runHttpLoad, type SignedRequest } from './support/http-load';
import { lagPhase, pipelineFigures, throughputPhase, type PhaseBatches, type ThroughputFigures } from './support/ingest-phases';
import { summarizeLoad, type LoadSummary } from './support/load-summary';
import { watchProjections } from './support/projection-watch';
import { provisionTerminals } from './support/provision-terminals';
import { compareWithBaseline, compareWithTarget } from './support/report';
import { chunk } from './support/chunk';
import { signBatch } from './support/signed-batches';
import { percentile } from './support/stats';
import { cpuByThread, threadTicks } from './support/thread-cpu';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories, type BenchTerminal } from './support/terminal-traffic';

const TERMINALS = 200;
const BATCH_SIZE = 100;
const CONCURRENCY = 64;
/** Batches per terminal: phase 1, then phases 3 and 4 on threads, then on one thread. */
const PHASE_BATCHES = [5, 2, 3, 2, 3] as const;
const ALONE_ROUNDS = 3;
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
    // As `posledger start` does with POSLEDGER_HEAP_GROWTH_PERCENT.
    limitHeapGrowth(config.heapGrowthPercent);
    console.log(heapGrowthLabel(config.heapGrowthPercent));
    const terminals = benchTerminals(TERMINALS, 10, 'EUR');
    const secrets = await provisionTerminals(config, terminals, 'Europe/Berlin');
    const totalBatches = PHASE_BATCHES.reduce((sum, n) => sum + n, 0);
    const batches = terminals.map((t) => chunk(terminalHistories([t], totalBatches * BATCH_SIZE, 20261123).get(t.terminalId) ?? [], BATCH_SIZE));
    // Signed just before each phase: a signature is valid for 5 minutes.
    const phase = (index: number): PhaseBatches => {
      const from = PHASE_BATCHES.slice(0, index).reduce((sum, n) => sum + n, 0);
      const events = batches.map((b) => b.slice(from, from + PHASE_BATCHES[index]));
      return { events, requests: events.map((b, i) => b.map((batch) => sign(terminals[i], secrets, batch))) };
    };

    const first = phase(0);
    const baseline = await startFastifyBaseline();
    const baselineLoads = await inTurn(Array.from({ length: ALONE_ROUNDS }, () => first.requests), (requests) => load(baseline.url, requests, 'baseline'));
    await baseline.close();
    const baselineRate = medianRate(baselineLoads);
    console.log(`baseline: Fastify hello-world POST of the same ${count(baselineLoads[0].batches)} bodies, median of ${ALONE_ROUNDS} rounds: ${count(baselineRate)} events/s (${rates(baselineLoads)})`);

    const alone: LoadSummary[] = [];
    for (let round = 1; round < ALONE_ROUNDS; round++) {
      alone.push(await withTempDir('posledger-ingest-round-', async (scratchDir) => {
        const scratch = benchConfig(scratchDir);
        const scratchSecrets = await provisionTerminals(scratch, terminals, 'Europe/Berlin');
        return ingestAlone(scratch, first.events.map((b, i) => b.map((batch) => sign(terminals[i], scratchSecrets, batch))));
      }));
    }
    alone.push(await ingestAlone(config, first.requests));
    const aloneRate = medianRate(alone);
    console.log(`1. ingest app alone (no ledger or views running), ${ALONE_ROUNDS} rounds of ${count(alone[0].events)} events from ${TERMINALS} terminals, batches of ${BATCH_SIZE}, ${CONCURRENCY} in flight (${rates(alone)}):`);
    compareWithTarget('   ingest (202 answered), median round', aloneRate, 'at least', 50_000, 'events/s');
    compareWithBaseline('   ingest (202 answered), median round', aloneRate, 'the Fastify hello-world baseline', baselineRate, 'events/s');

    const onThreads = await pipelinePhases(dataDir, 'ingest and the ledger on worker threads', () => startPlatformOnThreads(config, ['ingest', 'ledger', 'reports'], failed), {
      backlog: alone[alone.length - 1].events,
      throughput: phase(1),
      lag: phase(2),
    });
    const oneThread = await pipelinePhases(dataDir, 'every app on one thread', () => startPlatform(config), { throughput: phase(3), lag: phase(4) });
    console.log('threads against one thread:');
    compareWithBaseline('   3. ingest -> every view', onThreads.viewsEventsPerSecond, 'every app on one thread', oneThread.viewsEventsPerSecond, 'events/s');
  });
}

interface LayoutPhases {
  /** Events ingested before the platform started, drained first (phase 2). */
  readonly backlog?: number;
  readonly throughput: PhaseBatches;
  readonly lag: PhaseBatches;
}

/** Phases 2-4 on one layout of the platform; returns phase 3's figures. */
async function pipelinePhases(dataDir: string, layout: string, start: () => Promise<RunningPlatform>, phases: LayoutPhases): Promise<ThroughputFigures> {
  console.log(`whole platform, ${layout}:`);
  const startedAt = Date.now();
  const fromStart = measuredCpu();
  const platform = await start();
  const eventStore = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
  const watch = watchProjections(() => eventStore.headPosition(), () => platform.projectionsCaughtUp());
  try {
    const target = { ingestUrl: platform.ingestUrl ?? '', eventStore, watch, projectionsCaughtUp: () => platform.projectionsCaughtUp() };
    if (phases.backlog !== undefined) {
      const drain = await pipelineFigures(target, 0n, phases.backlog, startedAt);
      console.log(`2. whole platform started on that backlog of ${count(drain.events)} events (start-up included):`);
      console.log(`   backlog -> event store: ${count(drain.ledgerEventsPerSecond)} events/s`);
      console.log(`   backlog -> every view: ${count(drain.viewsEventsPerSecond)} events/s`);
      console.log(`   CPU by thread, from the platform's start: ${fromStart.split(platform)}`);
    }

    const cpu = measuredCpu();
    const throughput = await throughputPhase(target, phases.throughput, CONCURRENCY);
    console.log(`3. whole platform, ${count(throughput.events)} events as fast as they are taken:`);
    compareWithTarget('   ingest (202 answered)', throughput.ingestEventsPerSecond, 'at least', 50_000, 'events/s');
    console.log(`   ingest -> event store (last TerminalEventRecorded committed): ${count(throughput.ledgerEventsPerSecond)} events/s`);
    compareWithTarget('   ingest -> every view', throughput.viewsEventsPerSecond, 'at least', 20_000, 'events/s');
    console.log(`   CPU by thread: ${cpu.split(platform)}`);

    const lag = await lagPhase(target, phases.lag, LAG_EVENTS_PER_SECOND, BATCH_SIZE);
    console.log(`4. whole platform, ${count(lag.events)} events paced at ${count(LAG_EVENTS_PER_SECOND)} events/s (taken at ${count(lag.sentEventsPerSecond)} events/s), lag per batch of ${BATCH_SIZE}:`);
    console.log(`   send -> event store: p50 ${percentile(lag.eventStoreLagMs, 50)} ms, p99 ${percentile(lag.eventStoreLagMs, 99)} ms, max ${percentile(lag.eventStoreLagMs, 100)} ms`);
    console.log(`   send -> every view: p50 ${percentile(lag.viewsLagMs, 50)} ms, p99 ${percentile(lag.viewsLagMs, 99)} ms, max ${percentile(lag.viewsLagMs, 100)} ms`);
    compareWithTarget('   p99 lag send -> every view at 5,000 events/s', percentile(lag.viewsLagMs, 99), 'under', 500, 'ms');
    return throughput;
  } finally {
    await watch.stop();
    await eventStore.close();
    await platform.stop();
  }
}

/** The process's CPU by thread from now until `split` is called, the platform's app threads by name. */
function measuredCpu(): { split(platform: RunningPlatform): string } {
  const before = threadTicks(process.pid);
  const since = performance.now();
  return { split: (platform) => cpuByThread(process.pid, before, threadTicks(process.pid), platform.threads ?? [], performance.now() - since) };
}

function failed(app: string, error: Error): void {
  console.error(`the ${app} thread failed: ${error.message}`);
  process.exit(1);
}

async function ingestAlone(config: PlatformConfig, requests: readonly (readonly SignedRequest[])[]): Promise<LoadSummary> {
  const ingestOnly = await startPlatform(config, ['ingest']);
  return load(ingestOnly.ingestUrl ?? '', requests, 'ingest alone').finally(() => ingestOnly.stop());
}

async function inTurn<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await run(item));
  return results;
}

const medianRate = (loads: readonly LoadSummary[]): number => percentile(loads.map((l) => l.eventsPerSecond), 50);
const rates = (loads: readonly LoadSummary[]): string => `rounds ${loads.map((l) => count(l.eventsPerSecond)).join(', ')} events/s`;

function sign(terminal: BenchTerminal, secrets: ReadonlyMap<string, string>, batch: Parameters<typeof signBatch>[2]): SignedRequest {
  return signBatch(terminal.terminalId, secrets.get(terminal.terminalId) ?? '', batch);
}

runBench(main);
