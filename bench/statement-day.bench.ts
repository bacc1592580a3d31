// A merchant's daily statement as the store grows: a day's statement carried on from the day before's (it reads the
// store from where that one left off) against a first statement of the same day for another merchant of the same
// size (it reads the store from its registration, the whole history), at two store sizes, in the same run. The
// simulator's traffic is appended a day at a time as the ledger appends it; the store records its own time, so the
// process clock (Date alone) is set to each day in turn.
import { join } from 'node:path';
import FakeTimers from '@sinonjs/fake-timers';
import { DEFAULT_FEE_SCHEDULE, terminalStream } from '@posledger/domain';
import { createLmdbEventStore, type EventStore } from '@posledger/event-store';
import { issueStatement } from '@posledger/platform';
import { openRegistry, RegisterMerchantCommand } from '@posledger/registry';
import { ledgerAppends } from './support/ledger-history';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories } from './support/terminal-traffic';

const ZONE = 'Asia/Shanghai';
const MERCHANTS = 20;
const TERMINALS_PER_MERCHANT = 5;
const DAYS = 10;
const EVENTS_PER_TERMINAL_PER_DAY = 800;
/** The days after which statements are measured: two store sizes. */
const MEASURED_AFTER = [3, DAYS];
const FIRST_DAY = Date.UTC(2026, 10, 1);
const DAY_MS = 86_400_000;

const dateOf = (day: number) => new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
/** 10:00 on the day in Shanghai, and 00:30 on the next, when its statement is issued. */
const morningOf = (day: number) => FIRST_DAY + day * DAY_MS + 2 * 3_600_000;
const justAfter = (day: number) => FIRST_DAY + (day + 1) * DAY_MS - 8 * 3_600_000 + 30 * 60_000;

async function main(): Promise<void> {
  const terminals = benchTerminals(MERCHANTS * TERMINALS_PER_MERCHANT, TERMINALS_PER_MERCHANT, 'CNY');
  const histories = terminalHistories(terminals, DAYS * EVENTS_PER_TERMINAL_PER_DAY, 7);
  // Each terminal's appends, cut into its days.
  const days = terminals.map((terminal) => {
    const appends = ledgerAppends(terminal, histories.get(terminal.terminalId) ?? [], 100);
    return { terminal, days: Array.from({ length: DAYS }, (_, day) => appends.slice(Math.floor((day * appends.length) / DAYS), Math.floor(((day + 1) * appends.length) / DAYS))) };
  });
  const merchantIds = [...new Set(terminals.map((terminal) => terminal.merchantId))];
  await withTempDir('posledger-bench-statement-day-', async (dir) => {
    const clock = FakeTimers.install({ now: morningOf(0), toFake: ['Date'] });
    const store = await createLmdbEventStore({ path: join(dir, 'events') });
    const reads = { events: 0 };
    const eventStore: EventStore = { ...store, readAll: async (options) => {
      const page = await store.readAll(options);
      reads.events += page.length;
      return page;
    } };
    const registry = await openRegistry(store);
    const stores = { eventStore, registry };
    // Also how long the thread was held at a stretch (the event loop's longest delay): on the ledger's thread, that
    // long no terminal's events are decided.
    const measure = async (merchantId: string, date: string) => {
      reads.events = 0;
      const started = performance.now();
      let [lastTurn, heldMs] = [started, 0];
      const probe = setInterval(() => {
        heldMs = Math.max(heldMs, performance.now() - lastTurn);
        lastTurn = performance.now();
      }, 1);
      await issueStatement(stores, merchantId, date);
      const ended = performance.now();
      clearInterval(probe);
      return { ms: ended - started, eventsRead: reads.events, heldMs: Math.max(heldMs, ended - lastTurn) };
    };
    try {
      for (const merchantId of merchantIds) {
        await registry.execute(new RegisterMerchantCommand({ merchantId, name: merchantId, timeZone: ZONE, currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }));
      }
      // The first merchant gets each day's statement; the next ones their first at a measured day.
      const [daily, ...others] = merchantIds;
      for (let day = 0; day < DAYS; day++) {
        clock.setSystemTime(morningOf(day));
        for (const { terminal, days: terminalDays } of days) {
          for (const events of terminalDays[day]) await store.appendToStream(terminalStream(terminal.terminalId), events, 'any');
        }
        clock.setSystemTime(justAfter(day));
        if (!MEASURED_AFTER.includes(day + 1)) {
          await issueStatement(stores, daily, dateOf(day));
          continue;
        }
        const stored = Number(await store.headPosition()) + 1;
        const carried = await measure(daily, dateOf(day));
        const first = await measure(others.shift() ?? '', dateOf(day));
        console.log(
          `after ${day + 1} days, ${stored.toLocaleString('en-US')} events in the store (${MERCHANTS} merchants): a statement of ${dateOf(day)} ` +
            `carried on from the day before's: ${carried.ms.toFixed(0)} ms, ${carried.eventsRead.toLocaleString('en-US')} events read, thread held at most ${carried.heldMs.toFixed(0)} ms at a stretch; ` +
            `a first statement (the whole history): ${first.ms.toFixed(0)} ms, ${first.eventsRead.toLocaleString('en-US')} events read, held at most ${first.heldMs.toFixed(0)} ms (${(first.ms / carried.ms).toFixed(1)}x the time)`,
        );
      }
    } finally {
      await registry.close();
      await store.close();
      clock.uninstall();
    }
  });
}

runBench(main);
