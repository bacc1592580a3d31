// A merchant's statements stream as its days add up: the statement clock's tick that issues the next day's
// statement, after 30, 120 and 365 days of statements, against one whole read of the stream (PDFs and all) in the
// same run, which the clock made three times a day per merchant before it kept its fold between ticks. Each day has
// the simulator's traffic of the merchant's terminals, so that each statement's PDF has its lines; the store records
// its own time, so the process clock (Date alone) is set to each day in turn.
import { join } from 'node:path';
import FakeTimers from '@sinonjs/fake-timers';
import { DEFAULT_FEE_SCHEDULE, statementStream, terminalStream } from '@posledger/domain';
import { createLmdbEventStore, type EventStore, type RecordedEvent } from '@posledger/event-store';
import { startStatementClock } from '@posledger/platform';
import { openRegistry, RegisterMerchantCommand } from '@posledger/registry';
import { ledgerAppends } from './support/ledger-history';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories } from './support/terminal-traffic';

const TERMINALS = 5;
const DAYS = 365;
const MEASURED_AFTER = [30, 120, DAYS];
const EVENTS_PER_TERMINAL_PER_DAY = 60;
const FIRST_DAY = Date.UTC(2025, 10, 1);
const DAY_MS = 86_400_000;

const dateOf = (day: number) => new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
/** 10:00 on the day in Shanghai, and 00:30 on the next, when the clock issues its statement. */
const morningOf = (day: number) => FIRST_DAY + day * DAY_MS + 2 * 3_600_000;
const justAfter = (day: number) => FIRST_DAY + (day + 1) * DAY_MS - 8 * 3_600_000 + 30 * 60_000;

/** A statement event's CSV and PDF, in characters as stored. */
const filesOf = (events: readonly RecordedEvent[]) => events.reduce((sum, { data }) => sum + String(data.csv ?? '').length + String(data.pdf ?? '').length, 0);

async function main(): Promise<void> {
  const terminals = benchTerminals(TERMINALS, TERMINALS, 'CNY');
  const merchantId = terminals[0].merchantId;
  const histories = terminalHistories(terminals, DAYS * EVENTS_PER_TERMINAL_PER_DAY, 11);
  // Each terminal's appends, cut into its days.
  const days = terminals.map((terminal) => {
    const appends = ledgerAppends(terminal, histories.get(terminal.terminalId) ?? [], EVENTS_PER_TERMINAL_PER_DAY);
    return { terminal, days: Array.from({ length: DAYS + 1 }, (_, day) => appends.slice(Math.floor((day * appends.length) / (DAYS + 1)), Math.floor(((day + 1) * appends.length) / (DAYS + 1)))) };
  });
  await withTempDir('posledger-bench-statement-stream-', async (dir) => {
    const clock = FakeTimers.install({ now: morningOf(0) - 3_600_000, toFake: ['Date'] });
    const store = await createLmdbEventStore({ path: join(dir, 'events') });
    const read = { statements: 0, characters: 0 };
    const eventStore: EventStore = { ...store, readStream: async (streamId, fromRevision, maxCount) => {
      const events = await store.readStream(streamId, fromRevision, maxCount);
      if (streamId === statementStream(merchantId)) {
        read.statements += events.length;
        read.characters += filesOf(events);
      }
      return events;
    } };
    const registry = await openRegistry(store);
    const failures: string[] = [];
    const statements = startStatementClock({ eventStore, registry }, (merchantId, error) => failures.push(`${merchantId}: ${error.message}`));
    try {
      await registry.execute(new RegisterMerchantCommand({ merchantId, name: '示例商户 Example', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE }));
      for (let day = 0; day <= DAYS; day++) {
        clock.setSystemTime(morningOf(day));
        for (const { terminal, days: terminalDays } of days) {
          for (const events of terminalDays[day]) await store.appendToStream(terminalStream(terminal.terminalId), events, 'any');
        }
        clock.setSystemTime(justAfter(day));
        const now = new Date(justAfter(day)).toISOString();
        if (!MEASURED_AFTER.includes(day)) {
          await statements.tick(now);
          continue;
        }
        Object.assign(read, { statements: 0, characters: 0 });
        const ticked = performance.now();
        const issued = await statements.tick(now);
        const tickMs = performance.now() - ticked;
        const tickRead = { ...read };
        const wholeStarted = performance.now();
        const whole = await store.readStream(statementStream(merchantId));
        const wholeMs = performance.now() - wholeStarted;
        console.log(
          `after ${day} days of statements: the clock's tick issuing ${dateOf(day)}'s (${issued.length} issued) ${tickMs.toFixed(1)} ms, ` +
            `${tickRead.statements} statements read (${(tickRead.characters / 1024).toFixed(0)} KiB of CSV and PDF); ` +
            `one whole read of the stream, as the clock made three times a day before: ${wholeMs.toFixed(1)} ms, ${whole.length} statements (${(filesOf(whole) / 1024).toFixed(0)} KiB)`,
        );
      }
      if (failures.length > 0) throw new Error(`statements not issued: ${failures.join('; ')}`);
    } finally {
      await statements.stop();
      await registry.close();
      await store.close();
      clock.uninstall();
    }
  });
}

runBench(main);
