// Ledger decider: ~200,000 terminal events of 200 terminals decided and evolved as the ledger does, before (decide,
// then fold evolve over the decided events) and after (decideAndEvolve, one pass); then what the schema checks cost
// per event: ingest's parseTerminalEventBatch and the ledger's decodeEnvelope, against JSON.parse alone.
import { isDeepStrictEqual } from 'node:util';
import { decide, decideAndEvolve, decodeEnvelope, evolve, initialState, parseTerminalEventBatch } from '@posledger/domain';
import { decidePass, type DecideStep, type PassResult } from './support/ledger-decider-pass';
import { terminalWorkload, type TerminalWorkload } from './support/ledger-decider-workload';
import { percentile, perSecond } from './support/stats';
import { runBench } from './support/temp-dir';
import { timedWithGc, type Timed } from './support/timed-with-gc';
import { benchTerminals, terminalHistories } from './support/terminal-traffic';

const TERMINALS = 200;
const TERMINAL_EVENTS_PER_TERMINAL = 1_000;
const TRANSPORT_BATCH = 100;
const PASSES = 5;
const SCHEMA_PASSES = 3;

const before: DecideStep = (command, state) => {
  const events = decide(command, state);
  return { events, state: events.reduce(evolve, state) };
};
const after: DecideStep = decideAndEvolve;

/** Prints and returns the medians of the runs' rates, by wall time and by CPU time. */
function line(label: string, events: number, runs: readonly Timed<unknown>[]): { wall: number; cpu: number } {
  const rates = runs.map((run) => perSecond(events, run.ms));
  const cpuRate = percentile(runs.map((run) => perSecond(events, run.cpuMs)), 50);
  const gcShare = runs.reduce((sum, run) => sum + run.gcMs, 0) / runs.reduce((sum, run) => sum + run.ms, 0);
  const median = percentile(rates, 50);
  // The best run is the one other jobs on the machine disturbed least.
  console.log(
    `${label}: median ${median.toLocaleString('en-US')} events/s, best ${Math.max(...rates).toLocaleString('en-US')} ` +
      `(runs ${rates.map((r) => r.toLocaleString('en-US')).join(', ')}), ` +
      `${cpuRate.toLocaleString('en-US')} events per CPU-second, GC ${(gcShare * 100).toFixed(0)}% of the time`,
  );
  return { wall: median, cpu: cpuRate };
}

async function deciderFigures(workloads: readonly TerminalWorkload[], terminalEvents: number): Promise<void> {
  const runs = { before: [] as Timed<PassResult>[], after: [] as Timed<PassResult>[] };
  decidePass(workloads, initialState, before);
  decidePass(workloads, initialState, after);
  for (let pass = 0; pass < PASSES; pass++) {
    // Alternating which goes first spreads a drift of the machine's load over both.
    const order = pass % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const variant of order) {
      const step = variant === 'before' ? before : after;
      runs[variant].push(await timedWithGc(() => decidePass(workloads, initialState, step)));
    }
  }
  const [reference, candidate] = [runs.before[0].result, runs.after[0].result];
  if (reference.ledgerEvents !== candidate.ledgerEvents || !isDeepStrictEqual(reference.states, candidate.states)) {
    throw new Error('decideAndEvolve disagrees with decide + fold evolve');
  }
  console.log(`${terminalEvents.toLocaleString('en-US')} terminal events -> ${reference.ledgerEvents.toLocaleString('en-US')} ledger events, ${PASSES} passes each`);
  const beforeRate = line('before: decide, then fold evolve', terminalEvents, runs.before);
  const afterRate = line('after: decideAndEvolve', terminalEvents, runs.after);
  console.log(`after/before: ${(afterRate.wall / beforeRate.wall).toFixed(2)}x by wall time, ${(afterRate.cpu / beforeRate.cpu).toFixed(2)}x by CPU time`);
}

async function schemaFigures(workloads: readonly TerminalWorkload[], terminalEvents: number): Promise<void> {
  const messages = workloads.flatMap((w) => w.messages);
  const rawBatches = workloads.flatMap((w) => w.rawBatches);
  const parse: Timed<unknown>[] = [];
  const decode: Timed<unknown>[] = [];
  const jsonOnly: Timed<unknown>[] = [];
  for (let pass = 0; pass < SCHEMA_PASSES; pass++) {
    parse.push(await timedWithGc(() => rawBatches.every((events) => parseTerminalEventBatch({ events }).ok)));
    decode.push(await timedWithGc(() => messages.every((message) => decodeEnvelope(message).ok)));
    jsonOnly.push(await timedWithGc(() => messages.every((message) => JSON.parse(message) !== null)));
  }
  if (![...parse, ...decode].every((run) => run.result === true)) throw new Error('a valid event failed the schema');
  line(`ingest: parseTerminalEventBatch, batches of ${TRANSPORT_BATCH}`, terminalEvents, parse);
  line('ledger: decodeEnvelope per message (JSON.parse + schema)', terminalEvents, decode);
  line('floor: JSON.parse of the same messages alone', terminalEvents, jsonOnly);
}

async function main(): Promise<void> {
  const terminals = benchTerminals(TERMINALS, 10, 'EUR');
  const histories = terminalHistories(terminals, TERMINAL_EVENTS_PER_TERMINAL, 11);
  const receivedAt = new Date().toISOString();
  const workloads = terminals.map((terminal) => terminalWorkload(terminal, histories.get(terminal.terminalId) ?? [], TRANSPORT_BATCH, receivedAt));
  const terminalEvents = workloads.reduce((sum, w) => sum + w.messages.length, 0);
  await deciderFigures(workloads, terminalEvents);
  await schemaFigures(workloads, terminalEvents);
}

runBench(main);
