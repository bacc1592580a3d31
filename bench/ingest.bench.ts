// Ingest through the whole embedded platform in this process: 200 provisioned terminals, simulator traffic in
// signed batches of 100 from a load worker thread. (1) as fast as it goes with 64 batches in flight: ingest
// events/s (202s) and ingest-to-views events/s; (2) paced at 5,000 events/s: lag from send to the event store
// and to every view. Baseline: a Fastify hello-world taking the same requests.
import { join } from 'node:path';
import { createLmdbEventStore } from '@posledger/event-store';
import { loadPlatformConfig } from '@posledger/platform-config';
import { startPlatform } from '../apps/posledger/src/platform/start-platform';
import { startFastifyBaseline } from './support/fastify-baseline';
import { runHttpLoad } from './support/http-load';
import { lagPhase, throughputPhase, type PhaseBatches } from './support/ingest-phases';
import { summarizeLoad } from './support/load-summary';
import { watchProjections } from './support/projection-watch';
import { provisionTerminals } from './support/provision-terminals';
import { compareWithBaseline, compareWithTarget } from './support/report';
import { chunk, signBatch } from './support/signed-batches';
import { percentile } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories } from './support/terminal-traffic';

const TERMINALS = 200;
const BATCH_SIZE = 100;
const CONCURRENCY = 64;
const THROUGHPUT_BATCHES_PER_TERMINAL = 15;
const LAG_BATCHES_PER_TERMINAL = 4;
const LAG_EVENTS_PER_SECOND = 5_000;

async function main(): Promise<void> {
  await withTempDir('posledger-ingest-bench-', async (dataDir) => {
    const config = loadPlatformConfig({
      ...process.env,
      POSLEDGER_DATA: dataDir,
      INGEST_PORT: '0',
      REPORTS_PORT: '0',
      TERMINAL_RATE_LIMIT: '1000000',
      KAFKA_BROKERS: '',
      EVENTSTORE_URL: '',
      CLICKHOUSE_URL: '',
    });
    const terminals = benchTerminals(TERMINALS, 10, 'EUR');
    const secrets = await provisionTerminals(config, terminals, 'Europe/Berlin');
    const histories = terminalHistories(terminals, (THROUGHPUT_BATCHES_PER_TERMINAL + LAG_BATCHES_PER_TERMINAL) * BATCH_SIZE, 20261123);
    const batchesOf = (from: number, to: number) => terminals.map((t) => chunk(histories.get(t.terminalId) ?? [], BATCH_SIZE).slice(from, to));
    const signed = (events: PhaseBatches['events']): PhaseBatches => ({
      events,
      requests: events.map((batches, i) => batches.map((batch) => signBatch(terminals[i].terminalId, secrets.get(terminals[i].terminalId) ?? '', batch))),
    });
    const throughputBatches = signed(batchesOf(0, THROUGHPUT_BATCHES_PER_TERMINAL));

    const baseline = await startFastifyBaseline();
    const baselineLoad = summarizeLoad('baseline', throughputBatches.requests, await runHttpLoad({ url: baseline.url, terminals: throughputBatches.requests, concurrency: CONCURRENCY }));
    await baseline.close();
    console.log(`baseline: Fastify hello-world POST of the same ${baselineLoad.batches} bodies: ${baselineLoad.eventsPerSecond.toLocaleString('en-US')} events/s`);

    const platform = await startPlatform(config);
    const eventStore = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
    const watch = watchProjections(() => eventStore.headPosition(), () => platform.projectionsCaughtUp());
    try {
      const target = { ingestUrl: platform.ingestUrl ?? '', eventStore, watch, projectionsCaughtUp: () => platform.projectionsCaughtUp() };
      const throughput = await throughputPhase(target, throughputBatches, CONCURRENCY);
      console.log(`${throughput.events.toLocaleString('en-US')} terminal events from ${TERMINALS} terminals, batches of ${BATCH_SIZE}, ${CONCURRENCY} in flight:`);
      compareWithTarget('ingest (202 answered)', throughput.ingestEventsPerSecond, 'at least', 50_000, 'events/s');
      compareWithBaseline('ingest (202 answered)', throughput.ingestEventsPerSecond, 'the Fastify hello-world baseline', baselineLoad.eventsPerSecond, 'events/s');
      console.log(`ingest to event store (last TerminalEventRecorded committed): ${throughput.ledgerEventsPerSecond.toLocaleString('en-US')} events/s`);
      compareWithTarget('ingest to views (every projection caught up)', throughput.viewsEventsPerSecond, 'at least', 20_000, 'events/s');

      const lag = await lagPhase(target, signed(batchesOf(THROUGHPUT_BATCHES_PER_TERMINAL, Infinity)), LAG_EVENTS_PER_SECOND, BATCH_SIZE);
      console.log(`lag: ${lag.events.toLocaleString('en-US')} events paced at ${LAG_EVENTS_PER_SECOND} events/s (sent at ${lag.sentEventsPerSecond.toLocaleString('en-US')} events/s), per batch of ${BATCH_SIZE}:`);
      console.log(`lag send -> event store: p50 ${percentile(lag.eventStoreLagMs, 50)} ms, p99 ${percentile(lag.eventStoreLagMs, 99)} ms, max ${percentile(lag.eventStoreLagMs, 100)} ms`);
      console.log(`lag send -> every view: p50 ${percentile(lag.viewsLagMs, 50)} ms, p99 ${percentile(lag.viewsLagMs, 99)} ms, max ${percentile(lag.viewsLagMs, 100)} ms`);
      compareWithTarget('p99 lag send -> every view at 5,000 events/s', percentile(lag.viewsLagMs, 99), 'under', 500, 'ms');
    } finally {
      await watch.stop();
      await eventStore.close();
      await platform.stop();
    }
  });
}

runBench(main);
