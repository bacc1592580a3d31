// Kafka pipeline on a real broker (KAFKA_BROKERS, e.g. scripts/kafka start), three figures in one run:
//  1. raw kafkajs: produce + consume 100,000 pre-built terminal-event messages (the platform's keys and values);
//  2. ours: the same volume POSTed as signed batches of 100 through ingest -> Kafka -> ledger -> event store
//     (`posledger start --apps ingest,ledger` as a child: ingest and the ledger on threads of their own), until the
//     event store holds every terminal event, with the cores each of the platform process's threads used;
//  3. end-to-end lag at 5,000 events/s for ~20 s: per batch, from the start of its POST to the ledger's commit
//     (first at 2,000 events/s for ~10 s, a rate the pipeline sustains on 2 cores, for comparison).
// 2 and 3 are run with one ledger, then again with two (`--apps ingest,ledger,ledger`, one consumer group).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IngestClient } from '@posledger/terminal-simulator';
import { interleave, terminalBatches, type TerminalBatch } from './kafka-pipeline/bench-traffic';
import { startPlatformChild } from './support/platform-child';
import { cpuByThread } from './support/thread-cpu';
import { provisionTerminals } from './kafka-pipeline/provision-terminals';
import { rawProduceConsume } from './kafka-pipeline/raw-kafka';
import { RecordedWatcher } from './kafka-pipeline/recorded-watcher';
import { sendFlatOut, sendPaced } from './kafka-pipeline/send-traffic';
import { kafkaMessagesOf } from './kafka-pipeline/transport-messages';

const TERMINALS = 200;
const BATCH_SIZE = 100;
const PARTITIONS = 12;
const CONCURRENT_REQUESTS = 32;
// Per layout, each terminal's batches in turn: 5 for the throughput phase (~100,000 events in all), then each lag phase's share.
const THROUGHPUT_BATCHES_PER_TERMINAL = 5;
const LAG_PHASES = [
  { eventsPerSecond: 2_000, batchesPerTerminal: 1 },
  { eventsPerSecond: 5_000, batchesPerTerminal: 5 },
] as const;
const LAYOUTS = [
  { apps: 'ingest,ledger', label: 'one ledger' },
  { apps: 'ingest,ledger,ledger', label: 'two ledgers' },
] as const;
const BATCHES_PER_LAYOUT = THROUGHPUT_BATCHES_PER_TERMINAL + LAG_PHASES.reduce((n, phase) => n + phase.batchesPerTerminal, 0);
const EVENTS_PER_TERMINAL = BATCH_SIZE * BATCHES_PER_LAYOUT * LAYOUTS.length;
const PHASE_DEADLINE_MS = 120_000;

const perSecond = (count: number, ms: number): number => Math.round((count * 1000) / ms);
const eventsIn = (batches: readonly TerminalBatch[]): number => batches.reduce((n, b) => n + b.events.length, 0);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function withinDeadline<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${PHASE_DEADLINE_MS} ms`)), PHASE_DEADLINE_MS)));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(brokers: readonly string[]): Promise<void> {
  const runId = randomUUID().slice(0, 8);
  const dataDir = mkdtempSync(join(tmpdir(), 'kafka-pipeline-bench-'));
  try {
    const terminals = await provisionTerminals(dataDir, TERMINALS);
    const perTerminal = terminals.map((terminal) => terminalBatches(terminal, EVENTS_PER_TERMINAL, BATCH_SIZE));
    const phasesOf = (layout: number) => {
      let taken = layout * BATCHES_PER_LAYOUT;
      const throughput = perTerminal.map((batches) => batches.slice(taken, taken + THROUGHPUT_BATCHES_PER_TERMINAL));
      taken += THROUGHPUT_BATCHES_PER_TERMINAL;
      const lag = LAG_PHASES.map(({ eventsPerSecond, batchesPerTerminal }) => {
        const batches = interleave(perTerminal.map((ofTerminal) => ofTerminal.slice(taken, taken + batchesPerTerminal)));
        taken += batchesPerTerminal;
        return { eventsPerSecond, batches };
      });
      return { throughput, lag };
    };
    const throughputEvents = eventsIn(phasesOf(0).throughput.flat());

    const receivedAt = new Date().toISOString();
    const raw = await rawProduceConsume({
      brokers,
      topic: `bench-${runId}.raw`,
      partitions: PARTITIONS,
      sends: phasesOf(0).throughput.flat().map((batch) => kafkaMessagesOf(batch, receivedAt)),
      concurrency: CONCURRENT_REQUESTS,
    });
    const rawRate = perSecond(raw.messages, raw.endToEndMs);
    console.log(`raw kafkajs: ${raw.messages} messages (sends of ${BATCH_SIZE}, ${CONCURRENT_REQUESTS} at once, idempotent, acks=all), ${PARTITIONS} partitions`);
    console.log(`  produce: ${(raw.produceMs / 1000).toFixed(2)} s = ${perSecond(raw.messages, raw.produceMs)} messages/s`);
    console.log(`  produce + consume: ${(raw.endToEndMs / 1000).toFixed(2)} s = ${rawRate} messages/s`);

    const watcher = await RecordedWatcher.open(dataDir);
    try {
      let recordedBefore = 0;
      for (const [index, { apps, label }] of LAYOUTS.entries()) {
        const phases = phasesOf(index);
        const platform = await startPlatformChild(apps, {
          POSLEDGER_DATA: dataDir,
          INGEST_PORT: '0',
          KAFKA_BROKERS: brokers.join(','),
          KAFKA_TOPIC: `bench-${runId}.terminal-events`,
          KAFKA_DLQ_TOPIC: `bench-${runId}.terminal-events.dlq`,
          TRANSPORT_PARTITIONS: String(PARTITIONS),
          TERMINAL_RATE_LIMIT: '100000',
        });
        try {
          const client = new IngestClient({ ingestUrl: platform.ingestUrl, retry: { maxAttempts: 20 } });
          const ticks = platform.threadTicks();
          const start = performance.now();
          await withinDeadline('the throughput phase', sendFlatOut(client, phases.throughput, CONCURRENT_REQUESTS));
          const ingestMs = performance.now() - start;
          recordedBefore += throughputEvents;
          await withinDeadline('the ledger catching up', watcher.untilRecorded(recordedBefore));
          const pipelineMs = performance.now() - start;
          const oursRate = perSecond(throughputEvents, pipelineMs);
          console.log(`ours, ${label} (--apps ${apps}), ingest -> Kafka -> ledger -> event store: ${throughputEvents} events from ${TERMINALS} terminals, batches of ${BATCH_SIZE}, ${CONCURRENT_REQUESTS} requests at once`);
          console.log(`  all answered 202: ${(ingestMs / 1000).toFixed(2)} s = ${perSecond(throughputEvents, ingestMs)} events/s`);
          console.log(`  all in the event store: ${(pipelineMs / 1000).toFixed(2)} s = ${oursRate} events/s`);
          console.log(`  ours/raw: ${(oursRate / rawRate).toFixed(2)} (target at least 0.5)`);
          console.log(`  CPU by thread of the platform's process: ${cpuByThread(platform.pid, ticks, platform.threadTicks(), platform.threads, pipelineMs)}`);

          for (const { eventsPerSecond, batches } of phases.lag) {
            const lagStart = performance.now();
            const lags = await withinDeadline(`the lag phase at ${eventsPerSecond} events/s`, sendPaced(client, watcher, batches, eventsPerSecond));
            recordedBefore += eventsIn(batches);
            const sorted = [...lags].sort((a, b) => a - b);
            console.log(`  lag at ${eventsPerSecond} events/s offered: ${eventsIn(batches)} events in ${lags.length} batches, all committed after ${((performance.now() - lagStart) / 1000).toFixed(1)} s`);
            console.log(`    POST to committed in the event store, ms: p50 ${percentile(sorted, 50)}, p99 ${percentile(sorted, 99)}, max ${sorted[sorted.length - 1]}`);
          }
        } finally {
          await platform.stop();
        }
      }
    } finally {
      await watcher.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const brokers = process.env.KAFKA_BROKERS?.split(',').map((broker) => broker.trim()).filter(Boolean) ?? [];
if (brokers.length === 0) {
  console.log('kafka-pipeline: skipped: KAFKA_BROKERS is not set (start a broker with scripts/kafka start)');
} else {
  main(brokers).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
