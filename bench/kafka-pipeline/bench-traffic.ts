// Pre-generated, valid terminal traffic: each terminal's events from the simulator's script, cut into batches.
import type { TerminalEvent } from '@posledger/terminal-simulator';
import { benchScript, SIMULATED_START } from '../support/terminal-traffic';

export interface BenchTerminal {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly secret: string;
  readonly currency: string;
}

export interface TerminalBatch {
  readonly terminal: BenchTerminal;
  readonly events: readonly TerminalEvent[];
}

const SEED = 20261123;
const START_AT = SIMULATED_START;

/** At least `eventsPerTerminal` events per terminal in sequence order, as batches of `batchSize` (the last may be short). */
export function terminalBatches(terminal: BenchTerminal, eventsPerTerminal: number, batchSize: number): TerminalBatch[] {
  const script = benchScript(terminal, SEED, START_AT);
  const events: TerminalEvent[] = [];
  while (events.length < eventsPerTerminal) events.push(...script.nextFlow());
  const batches: TerminalBatch[] = [];
  for (let start = 0; start < events.length; start += batchSize) batches.push({ terminal, events: events.slice(start, start + batchSize) });
  return batches;
}

/** Round-robin over the terminals (batch 1 of each, then batch 2 of each...): per-terminal order is kept. */
export function interleave(perTerminal: readonly (readonly TerminalBatch[])[]): TerminalBatch[] {
  const rounds = Math.max(...perTerminal.map((batches) => batches.length));
  const all: TerminalBatch[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const batches of perTerminal) if (round < batches.length) all.push(batches[round]);
  }
  return all;
}
