import { terminalLedgerDecider, terminalStream, type LedgerEvent, type TerminalLedgerState } from '@posledger/domain';
import { aggregateStream, type EventStore, type ExpectedRevision } from '@posledger/event-store';

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
  private readonly holding = new Set<string>();
  private readonly withHolds = new Set<string>();

  constructor(private readonly store: EventStore) {}

  async get(terminalId: string): Promise<LoadedTerminalLedger> {
    return this.loaded.get(terminalId) ?? this.load(terminalId);
  }

  set(terminalId: string, ledger: LoadedTerminalLedger): void {
    this.loaded.set(terminalId, ledger);
    if (ledger.state.parkedCount > 0) this.holding.add(terminalId);
    else this.holding.delete(terminalId);
    if (ledger.state.openHolds.length > 0) this.withHolds.add(terminalId);
    else this.withHolds.delete(terminalId);
  }

  forget(terminalId: string): void {
    this.loaded.delete(terminalId);
  }

  /** Terminals whose last known state holds parked events (kept across forget, until a state without any). */
  holdingParkedEvents(): string[] {
    return [...this.holding];
  }

  /** Terminals whose last known state holds approved pre-authorisations (kept across forget, like the parked ones). */
  holdingPreAuthorizations(): string[] {
    return [...this.withHolds];
  }

  private async load(terminalId: string): Promise<LoadedTerminalLedger> {
    const ledger = await aggregateStream<TerminalLedgerState, LedgerEvent>(this.store, terminalStream(terminalId), terminalLedgerDecider(terminalId));
    this.set(terminalId, ledger);
    return ledger;
  }
}
