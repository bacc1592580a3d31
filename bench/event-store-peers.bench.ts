// Our embedded LMDB event store (bare and behind withHashChain) against Emmett's SQLite and PostgreSQL event stores,
// on the same events: appends/s with expected versions (batches of 1 and of 10, 64 appends in flight), stream reads/s,
// read-all events/s, and bytes on disk per event after one round of appends and after a second (2x the events).
// Emmett lives in bench/peers (its own lock, installed by scripts/bench-peers) and is loaded at run time; the
// PostgreSQL server (Debian's package) is started by the bench on loopback and stopped after it.
import { withHashChain, type NewEvent } from '../libs/event-store/src';
import { APPEND_PHASES, APPEND_STREAMS, appendInFlight, APPENDS_IN_FLIGHT, saleAppends } from './support/appends-in-flight';
import { loadEmmettPostgresql, openEmmettPostgresql } from './support/emmett-postgresql-store';
import { loadEmmett, openEmmett, packageVersion, sqliteSettings } from './support/emmett-sqlite-store';
import { startPostgres, type PostgresServer } from './support/postgres-server';
import { lmdbKind } from './support/lmdb-store-under-test';
import { compareWithBaseline } from './support/report';
import { READ_ALL_PAGE, type StoreKind } from './support/store-under-test';
import { perSecond } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';

const ROUNDS = 2;

interface Figures {
  readonly appendEventsPerSecond: number[][];
  readonly bytesPerEvent: number[];
  readonly streamReadsPerSecond: number;
  readonly readAllEventsPerSecond: number;
}

type Round = NewEvent[][][][];

/** [phase][stream][append] -> events: built before any timing, the same for every store. */
function buildRound(): Round {
  return APPEND_PHASES.map(({ batchSize, appendsPerStream }) => saleAppends(APPEND_STREAMS, appendsPerStream, batchSize));
}

function streamId(streamIndex: number): string {
  return `terminal-${streamIndex}`;
}

async function measure(kind: StoreKind, rounds: readonly Round[], dir: string): Promise<Figures> {
  const store = await kind.open(dir);
  try {
    const streamIds = Array.from({ length: APPEND_STREAMS }, (_, s) => streamId(s));
    const versions: (bigint | undefined)[] = Array.from({ length: APPEND_STREAMS }, () => undefined);
    const appendEventsPerSecond: number[][] = [];
    const bytesPerEvent: number[] = [];
    let stored = 0;
    for (const round of rounds) {
      const perPhase: number[] = [];
      for (const appends of round) perPhase.push(await appendInFlight(store, streamIds, appends, versions, APPENDS_IN_FLIGHT));
      appendEventsPerSecond.push(perPhase);
      stored += round.flat(3).length;
      bytesPerEvent.push(Math.round((await store.bytesOnDisk()) / stored));
    }

    const streamReadStart = performance.now();
    const perStream = stored / APPEND_STREAMS;
    for (let s = 0; s < APPEND_STREAMS; s++) {
      const read = await store.readStream(streamId(s));
      if (read !== perStream) throw new Error(`${kind.label}: stream ${s} holds ${read} events, expected ${perStream}`);
    }
    const streamReadsPerSecond = perSecond(APPEND_STREAMS, performance.now() - streamReadStart);

    const readAllStart = performance.now();
    const readAll = await store.readAll();
    if (readAll !== stored) throw new Error(`${kind.label}: read ${readAll} events from the start, expected ${stored}`);
    const readAllEventsPerSecond = perSecond(readAll, performance.now() - readAllStart);

    return { appendEventsPerSecond, bytesPerEvent, streamReadsPerSecond, readAllEventsPerSecond };
  } finally {
    await store.close();
  }
}

function printSettings(kinds: readonly StoreKind[], eventBytes: number): void {
  const perRound = APPEND_PHASES.reduce((sum, { batchSize, appendsPerStream }) => sum + APPEND_STREAMS * batchSize * appendsPerStream, 0);
  console.log(`Node ${process.version}; ${APPEND_STREAMS} streams, ${APPENDS_IN_FLIGHT} appends in flight, each naming the stream's expected version`);
  for (const { batchSize, appendsPerStream } of APPEND_PHASES) {
    console.log(`  batches of ${batchSize}: ${(APPEND_STREAMS * appendsPerStream * batchSize).toLocaleString('en-US')} events per round`);
  }
  console.log(`${ROUNDS} rounds (${perRound.toLocaleString('en-US')} events each) into one store; sale.approved events of ${eventBytes} bytes of JSON data + metadata`);
  const eventsPerStream = (ROUNDS * perRound) / APPEND_STREAMS;
  console.log(`after both rounds, stream reads: every stream whole (${eventsPerStream} events each), one at a time; read-all: pages of ${READ_ALL_PAGE.toLocaleString('en-US')} from the start`);
  for (const kind of kinds) console.log(`${kind.label}: ${kind.settings}`);
}

/** Each of ours against each peer, figure by figure. */
function printComparison(figures: ReadonlyMap<string, Figures>, peers: readonly string[]): void {
  const of = (label: string): Figures => {
    const found = figures.get(label);
    if (found === undefined) throw new Error(`no figures for ${label}`);
    return found;
  };
  const compare = (figure: string, pick: (f: Figures) => number, unit: string): void => {
    console.log(`${figure}: ${peers.map((peer) => `${peer} ${pick(of(peer)).toLocaleString('en-US')}`).join(', ')} ${unit}`);
    for (const [label, measured] of figures) {
      if (!peers.includes(label)) for (const peer of peers) compareWithBaseline(`  ${label}`, pick(measured), peer, pick(of(peer)), unit);
    }
  };
  for (let round = 0; round < ROUNDS; round++) {
    APPEND_PHASES.forEach(({ batchSize }, phase) => compare(`append, batches of ${batchSize}, round ${round + 1}`, (f) => f.appendEventsPerSecond[round][phase], 'events/s'));
  }
  compare('stream reads (whole streams)', (f) => f.streamReadsPerSecond, 'streams/s');
  compare('read-all', (f) => f.readAllEventsPerSecond, 'events/s');
  for (let round = 0; round < ROUNDS; round++) compare(`bytes on disk per event after round ${round + 1}`, (f) => f.bytesPerEvent[round], 'bytes');
}

async function main(): Promise<void> {
  await withTempDir('event-store-peers-postgres-', async (serverDir) => {
    const postgres = await startPostgres(serverDir);
    try {
      await measureAll(postgres);
    } finally {
      postgres.stop();
    }
  });
}

async function measureAll(postgres: PostgresServer): Promise<void> {
  const emmett = loadEmmett();
  const emmettPostgresql = loadEmmettPostgresql();
  const sqliteLabel = `Emmett SQLite ${packageVersion('@event-driven-io/emmett-sqlite')}`;
  const postgresqlLabel = `Emmett PostgreSQL ${packageVersion('@event-driven-io/emmett-postgresql')}`;
  let databases = 0;
  const kinds: StoreKind[] = [
    lmdbKind('LMDB bare', (store) => store),
    lmdbKind('LMDB hash-chained', withHashChain),
    { label: sqliteLabel, settings: await sqliteSettings(emmett), open: (dir) => openEmmett(emmett, dir) },
    {
      label: postgresqlLabel,
      settings: `${postgres.settings}; Emmett's own pooled connections (node-postgres, pool of 10), one database per store, bytes: its tables with indexes and TOAST after a CHECKPOINT`,
      open: () => openEmmettPostgresql(emmettPostgresql, postgres, `emmett_${++databases}`),
    },
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
  printComparison(figures, [sqliteLabel, postgresqlLabel]);
}

runBench(main);
