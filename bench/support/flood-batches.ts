// One terminal's flood of operator events for invariant 9, after its sequence 1: either every batch far ahead of
// the last (each opens a new gap, so the ledger parks it until it holds over 1,000 and skips), or the same volume in
// sequence, ending with a QR sale so that the flood's end shows in salesSummary.
import { randomUUID } from 'node:crypto';
import { decideAndEvolve, initialState } from '@posledger/domain';
import type { TerminalEvent } from '@posledger/terminal-simulator';
import { chunk } from './chunk';
import { decidePass } from './ledger-decider-pass';
import { terminalWorkload } from './ledger-decider-workload';
import { qrSale } from './qr-sale-probe';
import type { BenchTerminal } from './terminal-traffic';

export const FAR_AHEAD_STRIDE = 1_000_000;

export interface ParkedFigures {
  readonly parkedCount: number;
  readonly skippedGaps: number;
}

function operatorEvent(terminalId: string, sequence: number, signingIn: boolean): TerminalEvent {
  const base = { eventId: randomUUID(), terminalId, sequence, occurredAt: new Date().toISOString() };
  return signingIn ? { ...base, type: 'operator.signed_in', payload: { operatorId: 'op-1' } } : { ...base, type: 'operator.signed_out', payload: {} };
}

export function signIn(terminalId: string): TerminalEvent {
  return operatorEvent(terminalId, 1, true);
}

/** Batch k (from 0) holds sequences (k + 1) * 1,000,000 onwards, sign-outs and sign-ins in turn. */
export function farAheadBatches(terminalId: string, batches: number, batchSize: number): TerminalEvent[][] {
  return Array.from({ length: batches }, (_, k) => Array.from({ length: batchSize }, (_, i) => operatorEvent(terminalId, (k + 1) * FAR_AHEAD_STRIDE + i, i % 2 === 1)));
}

/** Sequences 2 onwards, sign-outs and sign-ins in turn, then (signed in) a QR sale as the last 5 events. */
export function inSequenceBatches(terminal: BenchTerminal, batches: number, batchSize: number): TerminalEvent[][] {
  const sale = qrSale(terminal.terminalId, 2 + batches * batchSize - 5, '1000', terminal.currency);
  const operatorCount = batches * batchSize - sale.length;
  const operatorEvents = Array.from({ length: operatorCount }, (_, i) => operatorEvent(terminal.terminalId, 2 + i, (operatorCount - 1 - i) % 2 === 0));
  return chunk([...operatorEvents, ...sale], batchSize);
}

/** What the ledger holds once it has taken `history` (in order): the domain's decider run on it here. */
export function expectedParkedFigures(terminal: BenchTerminal, history: readonly TerminalEvent[], batchSize: number): ParkedFigures {
  let skippedGaps = 0;
  const { states } = decidePass([terminalWorkload(terminal, history, batchSize, new Date().toISOString())], initialState, (command, state) => {
    const decided = decideAndEvolve(command, state);
    skippedGaps += decided.events.filter((event) => event.type === 'SequenceGapSkipped').length;
    return decided;
  });
  return { parkedCount: states.get(terminal.terminalId)?.parkedCount ?? 0, skippedGaps };
}
