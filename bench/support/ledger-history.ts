// Terminal histories run through the domain's terminal ledger decider, shaped as the ledger appends them:
// one append per transport batch of a terminal, ids derived from the causing terminal event, same metadata.
import { DEFAULT_FEE_SCHEDULE, DEFAULT_SEQUENCE_POLICY, parseTerminalEventBatch, terminalLedgerDecider, terminalStream, type TerminalEvent } from '@posledger/domain';
import type { EventStore, NewEvent } from '@posledger/event-store';
import type { TerminalEvent as SimulatedEvent } from '@posledger/terminal-simulator';
import { ledgerEventId } from '../../libs/ledger/src/terminal-ledger/ledger-event-id';
import { chunk } from './chunk';
import type { BenchTerminal } from './terminal-traffic';

function parsed(batch: readonly SimulatedEvent[]): TerminalEvent[] {
  const result = parseTerminalEventBatch({ events: batch });
  if (!result.ok) throw new Error(`simulated events fail the contract: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.events;
}

export function ledgerAppends(terminal: BenchTerminal, history: readonly SimulatedEvent[], batchSize: number): NewEvent[][] {
  const decider = terminalLedgerDecider(terminal.terminalId);
  let state = decider.initialState();
  return chunk(history, batchSize).map((batch) =>
    parsed(batch).flatMap((event) => {
      const decided = decider.decide({ type: 'RecordTerminalEvent', data: { event, panMasked: false, merchantId: terminal.merchantId, feeSchedule: DEFAULT_FEE_SCHEDULE, operators: {}, receivedAt: event.occurredAt, policy: DEFAULT_SEQUENCE_POLICY } }, state);
      state = decided.reduce((current, e) => decider.evolve(current, e), state);
      const ordinals = new Map<string, number>();
      return decided.map((ledgerEvent): NewEvent => {
        const cause = ledgerEvent.data.terminalEventId;
        const ordinal = ordinals.get(`${cause}/${ledgerEvent.type}`) ?? 0;
        ordinals.set(`${cause}/${ledgerEvent.type}`, ordinal + 1);
        return {
          id: ledgerEventId(cause, ledgerEvent.type, ordinal),
          type: ledgerEvent.type,
          data: ledgerEvent.data,
          metadata: { terminalId: terminal.terminalId, merchantId: terminal.merchantId, causationId: cause, receivedAt: event.occurredAt },
        };
      });
    }),
  );
}

/** Round k appends every terminal's k-th batch concurrently, so that they share commits as the ledger's would. */
export async function appendLedgers(store: EventStore, appends: readonly (readonly NewEvent[][])[], terminals: readonly BenchTerminal[]): Promise<void> {
  const rounds = Math.max(...appends.map((batches) => batches.length));
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      appends.map((batches, i) => (batches[round] === undefined ? undefined : store.appendToStream(terminalStream(terminals[i].terminalId), batches[round], round === 0 ? 'no_stream' : 'any'))),
    );
  }
}
