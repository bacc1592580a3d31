import { terminalLedgerDecider, type LedgerEvent, type TerminalLedgerState } from '@posledger/domain';
import type { EventStore, ExpectedRevision } from '@posledger/event-store';

export const terminalStream = (terminalId: string): string => `terminal-${terminalId}`;

export interface LoadedTerminalLedger {
  readonly state: TerminalLedgerState;
  readonly revision: ExpectedRevision;
}

/**
 * Folded terminal ledgers kept in memory so that a batch costs one append, not a stream read. A stale entry
 * (another ledger instance appended) shows as an expected-revision conflict, after which it is reloaded.
 */
export class TerminalLedgerStates {
  private readonly loaded = new Map<string, LoadedTerminalLedger>();

  constructor(private readonly store: EventStore) {}

  async get(terminalId: string): Promise<LoadedTerminalLedger> {
    return this.loaded.get(terminalId) ?? this.load(terminalId);
  }

  set(terminalId: string, ledger: LoadedTerminalLedger): void {
    this.loaded.set(terminalId, ledger);
  }

  forget(terminalId: string): void {
    this.loaded.delete(terminalId);
  }

  private async load(terminalId: string): Promise<LoadedTerminalLedger> {
    const events = await this.store.readStream(terminalStream(terminalId));
    const decider = terminalLedgerDecider(terminalId);
    const state = events.reduce(
      (current, event) => decider.evolve(current, { type: event.type, data: event.data } as LedgerEvent),
      decider.initialState(),
    );
    const ledger = { state, revision: events.length === 0 ? ('no_stream' as const) : events[events.length - 1].revision };
    this.loaded.set(terminalId, ledger);
    return ledger;
  }
}
