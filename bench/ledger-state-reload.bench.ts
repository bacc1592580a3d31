// What a terminal dropped from the ledger's bounded cache (POSLEDGER_LEDGER_CACHED_EVENTS) costs when it next sends:
// TerminalLedgerStates folding its stream again from the LMDB event store, per 1,000 stored events of its history,
// beside the two parts of that cost measured apart in the same run: reading the stream, and folding the same events
// already in memory. Then the longest that other work on the thread waits for it: folded page by page (now) against
// one read and one fold (before), in the same run.
import { join } from 'node:path';
import { terminalLedgerDecider, terminalStream, type LedgerEvent } from '@posledger/domain';
import { createLmdbEventStore, type NewEvent } from '@posledger/event-store';
import { TerminalLedgerStates } from '@posledger/ledger';
import { ledgerAppends } from './support/ledger-history';
import { percentile } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';
import { benchTerminals, terminalHistories } from './support/terminal-traffic';

const TERMINALS = 4;
const HISTORY_LENGTHS = [1_000, 4_000, 16_000];
const RUNS = 15;

/** Each terminal's ledger events as the ledger appends them: one append per batch of 100 terminal events. */
function ledgerHistories(length: number): Map<string, NewEvent[][]> {
  const terminals = benchTerminals(TERMINALS, TERMINALS, 'EUR');
  const histories = terminalHistories(terminals, length, 13);
  return new Map(terminals.map((terminal) => [terminal.terminalId, ledgerAppends(terminal, histories.get(terminal.terminalId) ?? [], 100)]));
}

/** A terminal's events folded in memory, with no read. */
function folded(terminalId: string, events: readonly Pick<NewEvent, 'type' | 'data'>[]): unknown {
  const { evolve, initialState } = terminalLedgerDecider(terminalId);
  return events.reduce((state, { type, data }) => evolve(state, { type, data } as LedgerEvent), initialState());
}

/** Median time of `body` over every terminal, RUNS times, in ms per 1,000 of the stored events. */
async function msPerThousand(terminalIds: readonly string[], storedEvents: number, body: (terminalId: string) => Promise<unknown> | unknown): Promise<string> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    for (const terminalId of terminalIds) await body(terminalId);
    samples.push(performance.now() - start);
  }
  return ((percentile(samples, 50) / storedEvents) * 1000).toFixed(1);
}

/** The longest that work queued behind `body` waits for a turn of the event loop while `body` runs, in ms. */
async function longestWait(body: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  let ticker = setImmediate(function tick() {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    ticker = setImmediate(tick);
  });
  await body();
  clearImmediate(ticker);
  return Math.max(longest, performance.now() - last);
}

/** Median over RUNS of the longest wait while each terminal is folded in turn. */
async function medianLongestWait(terminalIds: readonly string[], body: (terminalId: string) => Promise<unknown>): Promise<string> {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let longest = 0;
    for (const terminalId of terminalIds) longest = Math.max(longest, await longestWait(() => body(terminalId)));
    samples.push(longest);
  }
  return percentile(samples, 50).toFixed(1);
}

async function main(): Promise<void> {
  for (const length of HISTORY_LENGTHS) {
    await withTempDir('posledger-state-reload-bench-', async (dir) => {
      const store = await createLmdbEventStore({ path: join(dir, 'events') });
      try {
        const histories = ledgerHistories(length);
        for (const [terminalId, appends] of histories) {
          for (const events of appends) if (events.length > 0) await store.appendToStream(terminalStream(terminalId), events, 'any');
        }
        const terminalIds = [...histories.keys()];
        const stored = [...histories.values()].reduce((sum, appends) => sum + appends.flat().length, 0);
        const reload = await msPerThousand(terminalIds, stored, (terminalId) => new TerminalLedgerStates(store, 1).get(terminalId));
        const read = await msPerThousand(terminalIds, stored, (terminalId) => store.readStream(terminalStream(terminalId)));
        const fold = await msPerThousand(terminalIds, stored, (terminalId) => folded(terminalId, (histories.get(terminalId) ?? []).flat()));
        const paged = await medianLongestWait(terminalIds, (terminalId) => new TerminalLedgerStates(store, 1).get(terminalId));
        const whole = await medianLongestWait(terminalIds, async (terminalId) => folded(terminalId, await store.readStream(terminalStream(terminalId))));
        console.log(
          `${length.toLocaleString('en-US')} terminal events per terminal (${Math.round(stored / TERMINALS).toLocaleString('en-US')} stored): ` +
            `a dropped terminal folded again ${reload} ms per 1,000 stored events; reading its stream alone ${read}, folding the events in memory alone ${fold}`,
        );
        console.log(`  the longest other work waits meanwhile: ${paged} ms folded page by page, against ${whole} ms with one read and one fold (before)`);
      } finally {
        await store.close();
      }
    });
  }
}

runBench(main);
