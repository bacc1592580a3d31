// How the event store's costs grow with what it holds: one LMDB store behind the hash chain (as the platform opens it)
// is filled with the ledger's own events (simulator histories run through the decider, appended per transport batch)
// to 1M, 3M and 10M stored events. At each mark: appends/s with expected versions (batches of 1 and of 10, as the
// peers bench makes them), whole streams read at random, read-all from a random position, and bytes on disk per
// event; each figure is compared with the same figure at the first mark, in the same run.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { terminalStream } from '@posledger/domain';
import { createLmdbEventStore, withHashChain, type EventStore, type ExpectedRevision, type NewEvent } from '../libs/event-store/src';
import { APPEND_PHASES, APPEND_STREAMS, appendInFlight, APPENDS_IN_FLIGHT, saleAppends } from './support/appends-in-flight';
import { diskUsage } from './support/disk-usage';
import { ledgerAppends } from './support/ledger-history';
import { lmdbUnderTest } from './support/lmdb-store-under-test';
import { compareWithBaseline } from './support/report';
import { perSecond } from './support/stats';
import { READ_ALL_PAGE } from './support/store-under-test';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories } from './support/terminal-traffic';

const MARKS = [1_000_000, 3_000_000, 10_000_000];
const TERMINALS = 100;
const TERMINAL_EVENTS_PER_TERMINAL = 1_000;
const TRANSPORT_BATCH = 100;
const STREAMS_READ = 200;
const READ_ALL_EVENTS = 200_000;

interface MarkFigures {
  readonly stored: number;
  /** The fill's own appends since the mark before: the ledger's batches, 100 streams at a time. */
  readonly fillEventsPerSecond: number;
  readonly appendEventsPerSecond: readonly number[];
  readonly streamEventsPerSecond: number;
  readonly streamsPerSecond: number;
  readonly readAllEventsPerSecond: number;
  readonly bytesPerEvent: number;
}

/** The ledger's appends of one copy of the template: each terminal's batches on a stream of its own, fresh event ids. */
function copyOf(template: readonly (readonly NewEvent[][])[]): NewEvent[][][] {
  return template.map((batches) => batches.map((batch) => batch.map((event) => ({ ...event, id: randomUUID() }))));
}

/**
 * Round k appends every stream's k-th batch concurrently, so that they share commits as the ledger's would; each
 * names the revision the stream's last append returned, as the ledger does.
 */
async function appendCopy(store: EventStore, streamIds: readonly string[], appends: readonly NewEvent[][][]): Promise<number> {
  let appended = 0;
  const revisions: ExpectedRevision[] = streamIds.map(() => 'no_stream');
  const rounds = Math.max(...appends.map((batches) => batches.length));
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      appends.map(async (batches, i) => {
        const batch = batches[round];
        if (batch === undefined) return;
        appended += batch.length;
        revisions[i] = (await store.appendToStream(streamIds[i], batch, revisions[i])).nextExpectedRevision;
      }),
    );
  }
  return appended;
}

async function readStreamsAtRandom(store: EventStore, streamIds: readonly string[]): Promise<{ events: number; ms: number }> {
  const picks = Array.from({ length: STREAMS_READ }, () => streamIds[Math.floor(Math.random() * streamIds.length)]);
  const start = performance.now();
  let events = 0;
  for (const streamId of picks) events += (await store.readStream(streamId)).length;
  return { events, ms: performance.now() - start };
}

async function readAllFromRandomPosition(store: EventStore, stored: number): Promise<number> {
  let next = BigInt(Math.floor(Math.random() * (stored - READ_ALL_EVENTS)));
  const start = performance.now();
  let read = 0;
  while (read < READ_ALL_EVENTS) {
    const page = await store.readAll({ fromPosition: next, maxCount: READ_ALL_PAGE });
    if (page.length === 0) throw new Error(`read-all ended at ${next}, before ${READ_ALL_EVENTS} events`);
    read += page.length;
    next = page[page.length - 1].position + 1n;
  }
  return perSecond(read, performance.now() - start);
}

async function probeAppends(store: EventStore, path: string, mark: number): Promise<number[]> {
  const underTest = lmdbUnderTest(store, path);
  const rates: number[] = [];
  for (const { batchSize, appendsPerStream } of APPEND_PHASES) {
    const streamIds = Array.from({ length: APPEND_STREAMS }, (_, s) => `probe-${mark}-${batchSize}-${s}`);
    const versions: (bigint | undefined)[] = streamIds.map(() => undefined);
    rates.push(await appendInFlight(underTest, streamIds, saleAppends(APPEND_STREAMS, appendsPerStream, batchSize), versions, APPENDS_IN_FLIGHT));
  }
  return rates;
}

function printMark(figures: MarkFigures): void {
  const rate = (value: number): string => value.toLocaleString('en-US');
  console.log(`${rate(figures.stored)} events stored:`);
  console.log(`  fill since the last mark (the ledger's appends, ${TERMINALS} streams at a time): ${rate(figures.fillEventsPerSecond)} events/s`);
  APPEND_PHASES.forEach(({ batchSize }, i) => console.log(`  append, batches of ${batchSize}, ${APPENDS_IN_FLIGHT} in flight, expected versions: ${rate(figures.appendEventsPerSecond[i])} events/s`));
  console.log(`  ${STREAMS_READ} whole streams read at random: ${rate(figures.streamsPerSecond)} streams/s, ${rate(figures.streamEventsPerSecond)} events/s`);
  console.log(`  read-all, ${rate(READ_ALL_EVENTS)} events in pages of ${rate(READ_ALL_PAGE)} from a random position: ${rate(figures.readAllEventsPerSecond)} events/s`);
  console.log(`  on disk: ${rate(figures.bytesPerEvent)} bytes per stored event`);
}

function printGrowth(all: readonly MarkFigures[]): void {
  const [first, ...rest] = all;
  const at = (figures: MarkFigures): string => `at ${figures.stored.toLocaleString('en-US')}`;
  console.log(`\neach figure against the same figure ${at(first)} events stored:`);
  for (const figures of rest) {
    compareWithBaseline(`fill ${at(figures)}`, figures.fillEventsPerSecond, at(first), first.fillEventsPerSecond, 'events/s');
    APPEND_PHASES.forEach(({ batchSize }, i) =>
      compareWithBaseline(`append, batches of ${batchSize}, ${at(figures)}`, figures.appendEventsPerSecond[i], at(first), first.appendEventsPerSecond[i], 'events/s'),
    );
    compareWithBaseline(`streams read ${at(figures)}`, figures.streamEventsPerSecond, at(first), first.streamEventsPerSecond, 'events/s');
    compareWithBaseline(`read-all ${at(figures)}`, figures.readAllEventsPerSecond, at(first), first.readAllEventsPerSecond, 'events/s');
    compareWithBaseline(`bytes per stored event ${at(figures)}`, figures.bytesPerEvent, at(first), first.bytesPerEvent, 'bytes');
  }
}

async function main(): Promise<void> {
  const terminals = benchTerminals(TERMINALS, 10, 'EUR');
  const histories = terminalHistories(terminals, TERMINAL_EVENTS_PER_TERMINAL, 11);
  const template = terminals.map((terminal) => ledgerAppends(terminal, histories.get(terminal.terminalId) ?? [], TRANSPORT_BATCH));
  const perCopy = template.flat(2).length;
  const appendsPerCopy = template.flat().length;
  console.log(
    `Node ${process.version}; LMDB behind the hash chain; each fill copy: ${TERMINALS} terminals' ledger streams, ${perCopy.toLocaleString('en-US')} events in ${appendsPerCopy.toLocaleString('en-US')} appends (${Math.round(perCopy / appendsPerCopy)} events each on average), fresh event ids`,
  );

  await withTempDir('event-store-growth-', async (dir) => {
    const path = join(dir, 'event-store');
    const store = withHashChain(await createLmdbEventStore({ path }));
    try {
      const filled: string[] = [];
      const all: MarkFigures[] = [];
      let copies = 0;
      for (const mark of MARKS) {
        const fillStart = performance.now();
        let appended = 0;
        while (Number(await store.headPosition()) < mark) {
          const streamIds = terminals.map((terminal) => `${terminalStream(terminal.terminalId)}-copy-${copies}`);
          copies++;
          appended += await appendCopy(store, streamIds, copyOf(template));
          filled.push(...streamIds);
        }
        const fillEventsPerSecond = perSecond(appended, performance.now() - fillStart);
        const appendEventsPerSecond = await probeAppends(store, path, mark);
        const streams = await readStreamsAtRandom(store, filled);
        const stored = Number(await store.headPosition());
        const figures: MarkFigures = {
          stored,
          fillEventsPerSecond,
          appendEventsPerSecond,
          streamsPerSecond: perSecond(STREAMS_READ, streams.ms),
          streamEventsPerSecond: perSecond(streams.events, streams.ms),
          readAllEventsPerSecond: await readAllFromRandomPosition(store, stored),
          bytesPerEvent: Math.round(diskUsage(path) / stored),
        };
        printMark(figures);
        all.push(figures);
      }
      printGrowth(all);
    } finally {
      await store.close();
    }
  });
}

runBench(main);
