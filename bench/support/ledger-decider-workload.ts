// The terminal ledger decider's input: each terminal's simulator history cut into transport batches, as raw JSON
// (what ingest validates), as contract events (what the ledger decides) and as transport messages (what it decodes).
import { encodeEnvelope, parseTerminalEventBatch, type TerminalEvent } from '@posledger/domain';
import type { TerminalEvent as SimulatedEvent } from '@posledger/terminal-simulator';
import { chunk } from './chunk';
import type { BenchTerminal } from './terminal-traffic';

export interface TerminalWorkload {
  readonly terminal: BenchTerminal;
  readonly rawBatches: readonly (readonly SimulatedEvent[])[];
  readonly batches: readonly (readonly TerminalEvent[])[];
  readonly messages: readonly string[];
}

export function terminalWorkload(terminal: BenchTerminal, history: readonly SimulatedEvent[], batchSize: number, receivedAt: string): TerminalWorkload {
  const rawBatches = chunk(history, batchSize);
  const batches = rawBatches.map((batch) => {
    const parsed = parseTerminalEventBatch({ events: batch });
    if (!parsed.ok) throw new Error(`simulated events fail the contract: ${parsed.errors.map((e) => e.message).join('; ')}`);
    return parsed.events;
  });
  const messages = batches.flat().map((event) => encodeEnvelope({ event, panMasked: false, receivedAt }));
  return { terminal, rawBatches, batches, messages };
}
