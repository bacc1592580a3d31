// The JavaScript side of the views: how long each view's row function takes over the replay bench's ~190,000 ledger
// events (read once from LMDB, held in memory), then the TabSeparatedWithNames text the read store inserts them as,
// beside the JSON of the same rows that a JSONEachRow insert would send (the comparison made in the same run); last,
// every view projection's project() over the same events in batches, beside the row functions' own time. No chDB:
// only what the projections' thread spends.
import { join } from 'node:path';
import type { LedgerEvent } from '@posledger/domain';
import { createLmdbEventStore, type RecordedEvent } from '@posledger/event-store';
import { disputeRows } from '../libs/views/src/disputes/disputes.projection';
import { ledgerEventRows } from '../libs/views/src/ledger-events/ledger-events.projection';
import { postingRows } from '../libs/views/src/postings/postings.projection';
import { salesFactRows } from '../libs/views/src/sales-facts/sales-facts.projection';
import { settlementBatchRows } from '../libs/views/src/settlement-batches/settlement-batches.projection';
import { shiftRows } from '../libs/views/src/shifts/shifts.projection';
import { terminalActivityRows } from '../libs/views/src/terminal-activity/terminal-activity.projection';
import { terminalSequenceRows } from '../libs/views/src/terminal-sequences/terminal-sequences.projection';
import { transactionChangeRows } from '../libs/views/src/transaction-changes/transaction-changes.projection';
import type { LedgerRows } from '../libs/views/src/view-projection';
import { VIEW_PROJECTIONS } from '../libs/views/src/view-set';
import { ledgerEventOf } from '../libs/views/src/view-row';
import { recordHistories } from '../libs/platform/src/replay/test-support/recorded-history';
import { tabSeparatedWithNames } from '../libs/read-store/src/tab-separated-rows';
import { runBench, withTempDir } from './support/temp-dir';

const ROUNDS = 3;
const BATCH = 20_000;
const ROW_FUNCTIONS: Record<string, LedgerRows> = {
  postings: postingRows,
  settlement_batches: settlementBatchRows,
  sales_facts: salesFactRows,
  transaction_changes: transactionChangeRows,
  ledger_events: ledgerEventRows,
  terminal_sequences: terminalSequenceRows,
  shifts: shiftRows,
  disputes: disputeRows,
  terminal_activity: terminalActivityRows,
};

async function ledgerEvents(dataDir: string): Promise<[LedgerEvent, RecordedEvent][]> {
  const eventStore = await createLmdbEventStore({ path: join(dataDir, 'event-store') });
  try {
    await recordHistories(eventStore, '', 100, 1_000, 7);
    const events: [LedgerEvent, RecordedEvent][] = [];
    for (let from = 0n; ; ) {
      const page = await eventStore.readAll({ fromPosition: from, maxCount: 5_000 });
      if (page.length === 0) return events;
      for (const recorded of page) {
        const event = ledgerEventOf(recorded);
        if (event) events.push([event, recorded]);
      }
      from = page[page.length - 1].position + 1n;
    }
  } finally {
    await eventStore.close();
  }
}

function tsvOf(table: string, rows: readonly Record<string, unknown>[]): string {
  const text = tabSeparatedWithNames(rows);
  if (text === undefined) throw new Error(`${table}'s rows would be inserted as JSONEachRow, not as TabSeparatedWithNames`);
  return text;
}

const median = (samples: readonly number[]): number => Math.round([...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]);

/** Milliseconds for every view projection to project the events, batch by batch, as the projection runner does. */
function projectedInMs(events: readonly [LedgerEvent, RecordedEvent][]): number {
  const batches: RecordedEvent[][] = [];
  for (let from = 0; from < events.length; from += BATCH) batches.push(events.slice(from, from + BATCH).map(([, recorded]) => recorded));
  const start = performance.now();
  for (const batch of batches) for (const projection of VIEW_PROJECTIONS) projection.project(batch);
  return performance.now() - start;
}

async function main(): Promise<void> {
  await withTempDir('posledger-view-rows-bench-', async (dataDir) => {
    const events = await ledgerEvents(dataDir);
    console.log(`${events.length.toLocaleString('en-US')} ledger events; each figure is the median of ${ROUNDS} rounds`);
    let rowFunctionsMs = 0;
    for (const [table, rowsOf] of Object.entries(ROW_FUNCTIONS)) {
      const build: number[] = [];
      const tsv: number[] = [];
      const json: number[] = [];
      let rows = 0;
      let tsvBytes = 0;
      let jsonBytes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const start = performance.now();
        const built = events.map(([event, recorded]) => rowsOf(event, recorded));
        build.push(performance.now() - start);
        const inserted = built.flat();
        const texts = performance.now();
        tsvBytes = 0;
        // One text per 20,000 rows, about what a batch of the projections inserts into a table.
        for (let from = 0; from < inserted.length; from += BATCH) tsvBytes += tsvOf(table, inserted.slice(from, from + BATCH)).length;
        tsv.push(performance.now() - texts);
        const sent = performance.now();
        jsonBytes = inserted.reduce((n, row) => n + JSON.stringify(row).length, 0);
        json.push(performance.now() - sent);
        rows = inserted.length;
      }
      rowFunctionsMs += median(build);
      const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
      console.log(
        `${table}: ${rows.toLocaleString('en-US')} rows built in ${median(build)} ms; as TabSeparatedWithNames (${mb(tsvBytes)} MB) in ${median(tsv)} ms, as JSON (${mb(jsonBytes)} MB) in ${median(json)} ms`,
      );
    }
    const projected = median(Array.from({ length: ROUNDS }, () => projectedInMs(events)));
    console.log(
      `every view projection's project(), batches of ${BATCH.toLocaleString('en-US')}: ${projected} ms, against ${rowFunctionsMs} ms for the row functions alone, table by table (the sum of their medians above)`,
    );
  });
}

runBench(main);
