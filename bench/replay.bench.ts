// Replay: ~200,000 ledger events (simulator histories decided by the domain's terminal ledger decider, appended
// per terminal batch like the ledger does) read back (a) raw with readAll and (b) through the balance, settlement
// and reports projections into an empty chDB, against the 100,000 events/s target; then each projection alone.
import { join } from 'node:path';
import { createLmdbEventStore, type EventStore, type NewEvent } from '@posledger/event-store';
import { openRegistry, ProvisionTerminalCommand, RegisterMerchantCommand } from '@posledger/registry';
import { DEFAULT_FEE_SCHEDULE, terminalStream } from '@posledger/domain';
import { ledgerAppends } from './support/ledger-history';
import { VIEW_PROJECTIONS } from '@posledger/views';
import { replayIntoViews } from './support/replay-into-views';
import { compareWithBaseline, compareWithTarget } from './support/report';
import { perSecond } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories, type BenchTerminal } from './support/terminal-traffic';

const TERMINALS = 100;
const TERMINAL_EVENTS_PER_TERMINAL = 1_000;
const TRANSPORT_BATCH = 100;
const TARGET = 100_000;

async function provision(store: EventStore, terminals: readonly BenchTerminal[]): Promise<void> {
  const registry = await openRegistry(store);
  for (const merchantId of new Set(terminals.map((t) => t.merchantId))) {
    await registry.execute(new RegisterMerchantCommand({ merchantId, name: `bench ${merchantId}`, timeZone: 'Europe/Berlin', currency: 'EUR', feeSchedule: DEFAULT_FEE_SCHEDULE }));
  }
  for (const { terminalId, merchantId } of terminals) {
    await registry.execute(new ProvisionTerminalCommand({ terminalId, merchantId, secretFingerprint: 'bench' }));
  }
  await registry.close();
}

/** Round k appends every terminal's k-th batch concurrently, so that they share commits as the ledger's would. */
async function appendAll(store: EventStore, appends: readonly (readonly NewEvent[][])[], terminals: readonly BenchTerminal[]): Promise<void> {
  const rounds = Math.max(...appends.map((batches) => batches.length));
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      appends.map((batches, i) => (batches[round] === undefined ? undefined : store.appendToStream(terminalStream(terminals[i].terminalId), batches[round], round === 0 ? 'no_stream' : 'any'))),
    );
  }
}

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
      await provision(store, terminals);
      const histories = terminalHistories(terminals, TERMINAL_EVENTS_PER_TERMINAL, 7);
      const appends = terminals.map((terminal) => ledgerAppends(terminal, histories.get(terminal.terminalId) ?? [], TRANSPORT_BATCH));
      const appendStart = performance.now();
      await appendAll(store, appends, terminals);
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
