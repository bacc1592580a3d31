// Our embedded LMDB event store (bare and behind withHashChain) against Emmett's SQLite event store, on the same
// events: appends/s with expected versions (batches of 1 and of 10, 64 appends in flight), stream reads/s,
// read-all events/s, and bytes on disk per event after one round of appends and after a second (2x the events).
// Emmett lives in bench/peers (its own lock, installed by scripts/bench-peers) and is loaded at run time.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLmdbEventStore, withHashChain, type EventStore, type NewEvent } from '../libs/event-store/src';
import { compareWithBaseline } from './support/report';
import { perSecond } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';

const REPO_ROOT = join(__dirname, '..', '..');
const PEERS_MODULES = join(REPO_ROOT, 'bench', 'peers', 'node_modules');

const STREAMS = 640;
const IN_FLIGHT = 64;
const ROUNDS = 2;
/** Per round: [events per append, appends per stream]; 20,480 events in batches of 1, 102,400 in batches of 10. */
const APPEND_PHASES = [
  { batchSize: 1, appendsPerStream: 32 },
  { batchSize: 10, appendsPerStream: 16 },
] as const;
const READ_ALL_PAGE = 1_000;

// The few parts of @event-driven-io/emmett-sqlite this bench calls (see its dist/index.d.cts).
interface SqliteConnection {
  command(sql: string, values?: unknown[]): Promise<unknown>;
  querySingle<T>(sql: string, values?: unknown[]): Promise<T | null>;
  withTransaction<T>(body: () => Promise<T>): Promise<T>;
  close(): void;
}
interface EmmettEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}
interface EmmettEventStore {
  appendToStream(streamName: string, events: EmmettEvent[], options: { expectedStreamVersion: bigint }): Promise<{ nextExpectedStreamVersion: bigint }>;
  readStream(streamName: string): Promise<{ events: unknown[] }>;
}
interface EmmettSqlite {
  sqliteConnection(options: { fileName: string }): SqliteConnection;
  createEventStoreSchema(connection: SqliteConnection): Promise<void>;
  getSQLiteEventStore(options: {
    fileName: string;
    schema: { autoMigration: 'None' };
    connectionOptions: { singleton: true; connection: SqliteConnection };
  }): EmmettEventStore;
  readMessagesBatch(connection: SqliteConnection, options: { from: bigint; batchSize: number }): Promise<{ messages: { metadata: { globalPosition: bigint } }[] }>;
}

/** One store under test; versions are the store's own (undefined: the stream does not exist yet). */
interface StoreUnderTest {
  append(streamId: string, events: readonly NewEvent[], expected: bigint | undefined): Promise<bigint>;
  /** Number of events in the stream, read whole. */
  readStream(streamId: string): Promise<number>;
  /** Number of events read from the start of the global log, page by page. */
  readAll(): Promise<number>;
  bytesOnDisk(): Promise<number>;
  close(): Promise<void>;
}

interface StoreKind {
  readonly label: string;
  readonly settings: string;
  open(dir: string): Promise<StoreUnderTest>;
}

interface Figures {
  readonly appendEventsPerSecond: number[][];
  readonly bytesPerEvent: number[];
  readonly streamReadsPerSecond: number;
  readonly readAllEventsPerSecond: number;
}

type Round = NewEvent[][][][];

function saleApproved(streamIndex: number, i: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'sale.approved',
    data: { terminalId: `t-${streamIndex}`, transactionId: randomUUID(), amountMinor: String(1000 + i), currency: 'EUR', method: 'CREDIT' },
    metadata: { causationId: randomUUID() },
  };
}

/** [phase][stream][append] -> events: built before any timing, the same for every store. */
function buildRound(): Round {
  return APPEND_PHASES.map(({ batchSize, appendsPerStream }) =>
    Array.from({ length: STREAMS }, (_, s) => Array.from({ length: appendsPerStream }, (_, a) => Array.from({ length: batchSize }, (_, i) => saleApproved(s, a * batchSize + i)))),
  );
}

function streamId(streamIndex: number): string {
  return `terminal-${streamIndex}`;
}

function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/**
 * IN_FLIGHT workers, each owning every IN_FLIGHT-th stream and appending to its streams in turn, so a stream never
 * has two appends in flight and each append names the version the previous one returned. Returns events/s.
 */
async function appendPhase(store: StoreUnderTest, appends: NewEvent[][][], versions: (bigint | undefined)[]): Promise<number> {
  const events = appends.flat(2).length;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, worker) => {
      const owned = Array.from({ length: STREAMS / IN_FLIGHT }, (_, k) => worker + k * IN_FLIGHT);
      for (let a = 0; a < appends[0].length; a++) {
        for (const s of owned) versions[s] = await store.append(streamId(s), appends[s][a], versions[s]);
      }
    }),
  );
  return perSecond(events, performance.now() - start);
}

async function measure(kind: StoreKind, rounds: readonly Round[], dir: string): Promise<Figures> {
  const store = await kind.open(dir);
  try {
    const versions: (bigint | undefined)[] = Array.from({ length: STREAMS }, () => undefined);
    const appendEventsPerSecond: number[][] = [];
    const bytesPerEvent: number[] = [];
    let stored = 0;
    for (const round of rounds) {
      const perPhase: number[] = [];
      for (const appends of round) perPhase.push(await appendPhase(store, appends, versions));
      appendEventsPerSecond.push(perPhase);
      stored += round.flat(3).length;
      bytesPerEvent.push(Math.round((await store.bytesOnDisk()) / stored));
    }

    const streamReadStart = performance.now();
    const perStream = stored / STREAMS;
    for (let s = 0; s < STREAMS; s++) {
      const read = await store.readStream(streamId(s));
      if (read !== perStream) throw new Error(`${kind.label}: stream ${s} holds ${read} events, expected ${perStream}`);
    }
    const streamReadsPerSecond = perSecond(STREAMS, performance.now() - streamReadStart);

    const readAllStart = performance.now();
    const readAll = await store.readAll();
    if (readAll !== stored) throw new Error(`${kind.label}: read ${readAll} events from the start, expected ${stored}`);
    const readAllEventsPerSecond = perSecond(readAll, performance.now() - readAllStart);

    return { appendEventsPerSecond, bytesPerEvent, streamReadsPerSecond, readAllEventsPerSecond };
  } finally {
    await store.close();
  }
}

function ours(store: EventStore, path: string): StoreUnderTest {
  return {
    async append(id, events, expected) {
      return (await store.appendToStream(id, events, expected ?? 'no_stream')).nextExpectedRevision;
    },
    async readStream(id) {
      return (await store.readStream(id)).length;
    },
    async readAll() {
      let read = 0;
      for (let next = 0n; ; ) {
        const page = await store.readAll({ fromPosition: next, maxCount: READ_ALL_PAGE });
        if (page.length === 0) return read;
        read += page.length;
        next = page[page.length - 1].position + 1n;
      }
    },
    async bytesOnDisk() {
      return directoryBytes(path);
    },
    close: () => store.close(),
  };
}

function lmdbKind(label: string, wrap: (store: EventStore) => EventStore): StoreKind {
  return {
    label,
    settings: 'one LMDB environment (lmdb-js, overlappingSync off: each commit fsynced before its appends resolve); appends issued in one event-loop turn share one commit',
    async open(dir) {
      const path = join(dir, 'event-store');
      return ours(wrap(await createLmdbEventStore({ path })), path);
    },
  };
}

/**
 * Emmett's connection counts transaction nesting per connection, not per caller: on one shared connection,
 * concurrent appends join whichever transaction is open, and it commits only when a single append is left in it
 * (with 64 appenders in a loop, nothing was committed until the last appends finished). Queuing the transactions
 * gives each append its own BEGIN IMMEDIATE ... COMMIT, durable when it resolves, as in our store.
 */
function oneTransactionAtATime(connection: SqliteConnection): SqliteConnection {
  let last: Promise<unknown> = Promise.resolve();
  return {
    // Spread: Emmett calls more of the connection than the interface above names.
    ...connection,
    withTransaction(body) {
      const done = last.then(() => connection.withTransaction(body));
      last = done.catch(() => undefined);
      return done;
    },
  };
}

function loadEmmett(): EmmettSqlite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- installed apart from the workspace, at run time
  return require(join(PEERS_MODULES, '@event-driven-io', 'emmett-sqlite')) as EmmettSqlite;
}

/** Emmett's own connection, which sets journal_mode WAL; synchronous FULL fsyncs the WAL at each commit. */
async function openEmmettConnection(emmett: EmmettSqlite, fileName: string): Promise<SqliteConnection> {
  const connection = emmett.sqliteConnection({ fileName });
  await connection.command('PRAGMA synchronous = FULL');
  return connection;
}

async function openEmmett(emmett: EmmettSqlite, dir: string): Promise<StoreUnderTest> {
  const fileName = join(dir, 'events.db');
  const connection = await openEmmettConnection(emmett, fileName);
  // Created up front: Emmett's schema migration nests transactions, which the queue below would deadlock.
  await emmett.createEventStoreSchema(connection);
  const store = emmett.getSQLiteEventStore({
    fileName,
    schema: { autoMigration: 'None' },
    connectionOptions: { singleton: true, connection: oneTransactionAtATime(connection) },
  });
  return {
    async append(id, events, expected) {
      // Emmett counts stream versions from 1 (0: no stream); our ids go in as its message ids.
      const emmettEvents = events.map(({ id: messageId, type, data, metadata }) => ({ type, data, metadata: { ...metadata, messageId } }));
      return (await store.appendToStream(id, emmettEvents, { expectedStreamVersion: expected ?? 0n })).nextExpectedStreamVersion;
    },
    async readStream(id) {
      return (await store.readStream(id)).events.length;
    },
    async readAll() {
      let read = 0;
      for (let from = 0n; ; ) {
        const { messages } = await emmett.readMessagesBatch(connection, { from, batchSize: READ_ALL_PAGE });
        if (messages.length === 0) return read;
        read += messages.length;
        from = messages[messages.length - 1].metadata.globalPosition + 1n;
      }
    },
    async bytesOnDisk() {
      await connection.querySingle('PRAGMA wal_checkpoint(TRUNCATE)');
      return directoryBytes(dir);
    },
    async close() {
      connection.close();
    },
  };
}

async function sqliteSettings(emmett: EmmettSqlite): Promise<string> {
  return withTempDir('emmett-settings-', async (dir) => {
    const connection = await openEmmettConnection(emmett, join(dir, 'events.db'));
    try {
      const version = await connection.querySingle<{ version: string }>('SELECT sqlite_version() AS version');
      const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
      const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
      return `SQLite ${version?.version} (node sqlite3), one shared connection, journal_mode=${journal?.journal_mode}, synchronous=${synchronous?.synchronous} (2 = FULL), one transaction (append) at a time`;
    } finally {
      connection.close();
    }
  });
}

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(PEERS_MODULES, name, 'package.json'), 'utf8')) as { version: string }).version;
}

function printSettings(kinds: readonly StoreKind[], eventBytes: number): void {
  const perRound = APPEND_PHASES.reduce((sum, { batchSize, appendsPerStream }) => sum + STREAMS * batchSize * appendsPerStream, 0);
  console.log(`Node ${process.version}; ${STREAMS} streams, ${IN_FLIGHT} appends in flight, each naming the stream's expected version`);
  for (const { batchSize, appendsPerStream } of APPEND_PHASES) {
    console.log(`  batches of ${batchSize}: ${(STREAMS * appendsPerStream * batchSize).toLocaleString('en-US')} events per round`);
  }
  console.log(`${ROUNDS} rounds (${perRound.toLocaleString('en-US')} events each) into one store; sale.approved events of ${eventBytes} bytes of JSON data + metadata`);
  const eventsPerStream = (ROUNDS * perRound) / STREAMS;
  console.log(`after both rounds, stream reads: every stream whole (${eventsPerStream} events each), one at a time; read-all: pages of ${READ_ALL_PAGE.toLocaleString('en-US')} from the start`);
  for (const kind of kinds) console.log(`${kind.label}: ${kind.settings}`);
}

function printComparison(figures: ReadonlyMap<string, Figures>, peer: string): void {
  const baseline = figures.get(peer);
  if (baseline === undefined) throw new Error(`no figures for ${peer}`);
  const compare = (figure: string, pick: (f: Figures) => number, unit: string): void => {
    console.log(`${figure}: ${peer} ${pick(baseline).toLocaleString('en-US')} ${unit}`);
    for (const [label, measured] of figures) if (label !== peer) compareWithBaseline(`  ${label}`, pick(measured), peer, pick(baseline), unit);
  };
  for (let round = 0; round < ROUNDS; round++) {
    APPEND_PHASES.forEach(({ batchSize }, phase) => compare(`append, batches of ${batchSize}, round ${round + 1}`, (f) => f.appendEventsPerSecond[round][phase], 'events/s'));
  }
  compare('stream reads (whole streams)', (f) => f.streamReadsPerSecond, 'streams/s');
  compare('read-all', (f) => f.readAllEventsPerSecond, 'events/s');
  for (let round = 0; round < ROUNDS; round++) compare(`bytes on disk per event after round ${round + 1}`, (f) => f.bytesPerEvent[round], 'bytes');
}

async function main(): Promise<void> {
  execFileSync(join(REPO_ROOT, 'scripts', 'bench-peers'), { stdio: 'inherit' });
  const emmett = loadEmmett();
  const emmettLabel = `Emmett SQLite ${packageVersion('@event-driven-io/emmett-sqlite')}`;
  const kinds: StoreKind[] = [
    lmdbKind('LMDB bare', (store) => store),
    lmdbKind('LMDB hash-chained', withHashChain),
    { label: emmettLabel, settings: await sqliteSettings(emmett), open: (dir) => openEmmett(emmett, dir) },
  ];
  const rounds = Array.from({ length: ROUNDS }, buildRound);
  const sample = rounds[0][0][0][0][0];
  printSettings(kinds, Buffer.byteLength(JSON.stringify(sample.data)) + Buffer.byteLength(JSON.stringify(sample.metadata)));

  const figures = new Map<string, Figures>();
  for (const kind of kinds) {
    const start = performance.now();
    figures.set(kind.label, await withTempDir('event-store-peers-', (dir) => measure(kind, rounds, dir)));
    console.log(`${kind.label}: measured in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  printComparison(figures, emmettLabel);
}

runBench(main);
