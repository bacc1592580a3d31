// Replay: ~200,000 ledger events (simulator histories decided by the domain's terminal ledger decider, appended
// per terminal batch like the ledger does) read back (a) raw with readAll and (b) through the balance, settlement
// and reports projections into an empty chDB, against the 100,000 events/s target; then each projection alone.
import { join } from 'node:path';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { appendLedgers, ledgerAppends } from './support/ledger-history';
import { registerFleet } from './support/registered-fleet';
import { VIEW_PROJECTIONS } from '@posledger/views';
import { replayIntoViews } from './support/replay-into-views';
import { compareWithBaseline, compareWithTarget } from './support/report';
import { perSecond } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories } from './support/terminal-traffic';

const TERMINALS = 100;
const TERMINAL_EVENTS_PER_TERMINAL = 1_000;
const TRANSPORT_BATCH = 100;
const TARGET = 100_000;

async function readAllSeconds(store: EventStore, expected: number): Promise<number> {
  const start = performance.now();
  let read = 0;
  for (let next = 0n; ; ) {
    const page = await store.readAll({ fromPosition: next, maxCount: 1000 });
    if (page.length === 0) break;
    read += page.length;
    next = page[page.length - 1].position + 1n;
  }
  if (read !== expected) throw new Error(`readAll returned ${read} events, the store holds ${expected}`);
  return (performance.now() - start) / 1000;
}

async function main(): Promise<void> {
  await withTempDir('posledger-replay-bench-', async (dataDir) => {
    const store = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
    try {
      const terminals = benchTerminals(TERMINALS, 10, 'EUR');
      await registerFleet(store, terminals, 'Europe/Berlin');
      const histories = terminalHistories(terminals, TERMINAL_EVENTS_PER_TERMINAL, 7);
      const appends = terminals.map((terminal) => ledgerAppends(terminal, histories.get(terminal.terminalId) ?? [], TRANSPORT_BATCH));
      const appendStart = performance.now();
      await appendLedgers(store, appends, terminals);
      const total = Number(await store.headPosition());
      console.log(`setup: ${total.toLocaleString('en-US')} events (${TERMINALS} terminals' ledgers + registry) appended in ${((performance.now() - appendStart) / 1000).toFixed(1)} s`);

      const rawRate = perSecond(total, (await readAllSeconds(store, total)) * 1000);
      compareWithTarget('(a) raw replay, readAll pages of 1,000', rawRate, 'at least', TARGET, 'events/s');

      const viewsRate = perSecond(total, (await replayIntoViews(store, dataDir, 'replay_all', VIEW_PROJECTIONS)) * 1000);
      compareWithTarget('(b) replay into empty views (balances + settlements + reports)', viewsRate, 'at least', TARGET, 'events/s');
      compareWithBaseline('(b) replay into empty views', viewsRate, 'raw readAll', rawRate, 'events/s');
      for (const projection of VIEW_PROJECTIONS) {
        const rate = perSecond(total, (await replayIntoViews(store, dataDir, `replay_${projection.name}`, [projection])) * 1000);
        console.log(`    projection '${projection.name}' alone: ${rate.toLocaleString('en-US')} events/s`);
      }
    } finally {
      await store.close();
    }
  });
}

runBench(main);
