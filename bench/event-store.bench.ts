// Event store throughput through the LMDB adapter: 100,000 events appended as 1,000 appends of 100 events
// (500 streams, concurrent appends group-committed), then replayed with readAll, with readAllHeaders (the
// anchoring's read, which leaves each event's data unparsed) and with readAllData (a rebuild's, which leaves the
// metadata unparsed), then caught up with subscribeToAll and with subscribeToAllData (the projections' subscription).
// Prints events/s, for the bare adapter and behind withHashChain (as createEventStore gives it), so the chain's cost
// shows, and the canonical JSON the chain hashes beside JSON.stringify of the same events.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../libs/event-store/src/hash-chain/canonical-json';
import { createLmdbEventStore, withHashChain, type EventStore, type ExpectedRevision, type NewEvent, type ReadAllOptions, type Subscription } from '../libs/event-store/src';

const STREAMS = 500;
const EVENTS_PER_APPEND = 100;
const ROUNDS = 2;
const TOTAL = STREAMS * EVENTS_PER_APPEND * ROUNDS;

function events(streamIndex: number): NewEvent[] {
  return Array.from({ length: EVENTS_PER_APPEND }, (_, i) => ({
    id: randomUUID(),
    type: 'sale.approved',
    data: { terminalId: `t-${streamIndex}`, transactionId: randomUUID(), amountMinor: String(1000 + i), currency: 'EUR', method: 'CREDIT' },
    metadata: { causationId: randomUUID() },
  }));
}

async function run(label: string, wrap: (store: EventStore) => EventStore): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-bench-'));
  const store = wrap(await createLmdbEventStore({ path: join(dir, 'event-store') }));
  try {
    const expected: ExpectedRevision[] = Array.from({ length: STREAMS }, () => 'no_stream');
    const batches = Array.from({ length: ROUNDS }, () => Array.from({ length: STREAMS }, (_, s) => events(s)));

    const appendStart = performance.now();
    for (const round of batches) {
      const results = await Promise.all(round.map((batch, s) => store.appendToStream(`terminal-${s}`, batch, expected[s])));
      results.forEach((result, s) => (expected[s] = result.nextExpectedRevision));
    }
    const appendSeconds = (performance.now() - appendStart) / 1000;
    console.log(`event-store append (${label}): ${TOTAL} events in ${appendSeconds.toFixed(2)} s = ${Math.round(TOTAL / appendSeconds)} events/s`);

    await replay(label, 'readAll', (options) => store.readAll(options));
    await replay(label, 'readAllHeaders, as anchoring reads', (options) => store.readAllHeaders(options));
    await replay(label, 'readAllData, as a rebuild reads', (options) => store.readAllData(options));
    await catchUp(label, 'subscribeToAll', (handler) => store.subscribeToAll({ fromPosition: 0n }, handler));
    await catchUp(label, 'subscribeToAllData, as the projections read', (handler) => store.subscribeToAllData({ fromPosition: 0n }, handler));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function replay(label: string, read: string, readPage: (options: ReadAllOptions) => Promise<readonly { readonly position: bigint }[]>): Promise<void> {
  const start = performance.now();
  let replayed = 0;
  for (let next = 0n; ; ) {
    const page = await readPage({ fromPosition: next, maxCount: 1000 });
    if (page.length === 0) break;
    replayed += page.length;
    next = page[page.length - 1].position + 1n;
  }
  const seconds = (performance.now() - start) / 1000;
  if (replayed !== TOTAL) throw new Error(`replayed ${replayed} events, expected ${TOTAL}`);
  console.log(`event-store replay (${label}, ${read}): ${replayed} events in ${seconds.toFixed(2)} s = ${Math.round(replayed / seconds)} events/s`);
}

async function catchUp(label: string, read: string, subscribe: (handler: (events: readonly unknown[]) => Promise<void>) => Subscription): Promise<void> {
  const start = performance.now();
  let delivered = 0;
  let subscription: Subscription | undefined;
  await new Promise<void>((resolve) => {
    subscription = subscribe(async (events) => {
      delivered += events.length;
      if (delivered >= TOTAL) resolve();
    });
  });
  const seconds = (performance.now() - start) / 1000;
  await subscription?.close();
  console.log(`event-store catch-up (${label}, ${read}): ${delivered} events in ${seconds.toFixed(2)} s = ${Math.round(delivered / seconds)} events/s`);
}

/** The median of seven alternating rounds each, over the data and metadata of TOTAL events. */
function serialization(): void {
  const values = Array.from({ length: TOTAL / EVENTS_PER_APPEND }, (_, s) => events(s)).flatMap((batch) => batch.flatMap((event) => [event.data, event.metadata]));
  const timed = (serialize: (value: unknown) => string | undefined) => {
    const start = performance.now();
    for (const value of values) serialize(value);
    return performance.now() - start;
  };
  const rounds = { canonicalJson: [] as number[], 'JSON.stringify': [] as number[] };
  for (let round = 0; round < 7; round++) {
    rounds.canonicalJson.push(timed(canonicalJson));
    rounds['JSON.stringify'].push(timed(JSON.stringify));
  }
  const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[3];
  const line = (name: keyof typeof rounds) => `${name} ${Math.round(TOTAL / (median(rounds[name]) / 1000))} events/s`;
  console.log(`event-store serialization (data and metadata, median of 7): ${line('canonicalJson')}, the chain's; ${line('JSON.stringify')}; ${(median(rounds.canonicalJson) / median(rounds['JSON.stringify'])).toFixed(2)}x its time`);
}

async function main(): Promise<void> {
  await run('bare LMDB', (store) => store);
  await run('hash-chained', withHashChain);
  serialization();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
