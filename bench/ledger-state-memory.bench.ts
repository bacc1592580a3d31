// Ledger state memory: the heap a terminal's folded state keeps (what TerminalLedgerStates caches per terminal) as
// its history grows, with the event ids it remembers for redelivery bounded, against the ids of every event it sent
// (what the state held before the bound) built in the same run from the same histories.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decideAndEvolve, emptyKeyed, initialState, setKeyed, type KeyedRecord, type TerminalEvent, type TerminalLedgerState } from '@posledger/domain';
import { decidePass } from './support/ledger-decider-pass';
import { terminalWorkload, type TerminalWorkload } from './support/ledger-decider-workload';
import { runBench } from './support/temp-dir';
import { benchTerminals, terminalHistories } from './support/terminal-traffic';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const TERMINALS = 20;
const HISTORY_LENGTHS = [1_000, 4_000, 16_000];

/** Heap that `hold` keeps alive: heap used while its result is held, less heap used once it is dropped. */
function retainedBytes(hold: () => unknown): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const held = hold();
  collectGarbage();
  const holding = process.memoryUsage().heapUsed;
  if (held === undefined) throw new Error('nothing held');
  return holding - before;
}

/** The state as it was before the bound: every event id the terminal sent, in one KeyedRecord. */
function withEveryId(state: TerminalLedgerState, events: readonly TerminalEvent[]): object {
  const seenEventIds = events.reduce<KeyedRecord<true>>((seen, event) => setKeyed(seen, event.eventId, true), emptyKeyed());
  return { ...state, seenEventIds, earlierEventIds: null };
}

/**
 * The batches as the ledger receives them: parsed from JSON, so that a state's strings are its own, except those of
 * up to 10 characters, which JSON.parse internalizes (one copy of 'SETTLED' or 'EUR' for every state).
 */
function asReceived(workloads: readonly TerminalWorkload[]): TerminalWorkload[] {
  return workloads.map((workload) => ({ ...workload, batches: workload.batches.map((batch) => JSON.parse(JSON.stringify(batch)) as typeof batch) }));
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function main(): Promise<void> {
  const terminals = benchTerminals(TERMINALS, 10, 'EUR');
  const receivedAt = new Date().toISOString();
  const rows: { length: number; events: number; after: number; before: number }[] = [];
  for (const length of HISTORY_LENGTHS) {
    const histories = terminalHistories(terminals, length, 11);
    const workloads = terminals.map((terminal) => terminalWorkload(terminal, histories.get(terminal.terminalId) ?? [], 100, receivedAt));
    const events = workloads.reduce((sum, w) => sum + w.batches.flat().length, 0);
    // Each variant decides its own copy of the batches, dropped with everything else but the states it keeps.
    const after = retainedBytes(() => decidePass(asReceived(workloads), initialState, decideAndEvolve).states);
    const before = retainedBytes(() => {
      const received = asReceived(workloads);
      const { states } = decidePass(received, initialState, decideAndEvolve);
      return received.map(({ terminal, batches }) => withEveryId(states.get(terminal.terminalId) as TerminalLedgerState, batches.flat()));
    });
    rows.push({ length, events, after, before });
    console.log(
      `${length.toLocaleString('en-US')} events per terminal (${events.toLocaleString('en-US')} in all): state ${kib(after / TERMINALS)} per terminal, ` +
        `${(after / events).toFixed(0)} bytes per event; with every id, as before the bound: ${kib(before / TERMINALS)} per terminal, ${(before / events).toFixed(0)} bytes per event`,
    );
  }
  const [first, last] = [rows[0], rows[rows.length - 1]];
  const growth = (from: number, to: number) => `${((to - from) / (last.events - first.events)).toFixed(0)} bytes per further event`;
  console.log(
    `from ${first.length.toLocaleString('en-US')} to ${last.length.toLocaleString('en-US')} events per terminal: state ${growth(first.after, last.after)}; ` +
      `with every id (before) ${growth(first.before, last.before)}`,
  );
}

runBench(main);
