import { terminalLedgerDecider, terminalStream, type LedgerEvent, type TerminalLedgerState } from '@posledger/domain';
import { aggregateStream, type EventStore, type ExpectedRevision } from '@posledger/event-store';

export interface LoadedTerminalLedger {
  readonly state: TerminalLedgerState;
  readonly revision: ExpectedRevision;
}

/**
 * What a state costs before its first event (about 1.6 KiB of empty maps, then the buckets of its remembered ids), in
 * events of history. An event costs about 45 bytes in the soak's traffic, 22 in a history of 16,000 and up to 103 in one
 * of 1,000, where the remembered ids weigh most (bench/RESULTS.md: soak, ledger-state-memory).
 */
export const STATE_COST_IN_EVENTS = 32;

/** What a folded terminal counts against the bound: the events of its stream, plus its state's own cost. */
const weightOf = ({ revision }: LoadedTerminalLedger): number => STATE_COST_IN_EVENTS + (typeof revision === 'bigint' ? Number(revision) + 1 : 0);

/**
 * Folded terminal ledgers kept in memory so that a batch costs one append, not a stream read. A stale entry
 * (another ledger instance appended) shows as an expected-revision conflict, after which it is reloaded. Past
 * maxCachedEvents of history in all (each terminal counting STATE_COST_IN_EVENTS more), the terminals used longest
 * ago are dropped, and folded again from their stream when they next send: memory follows the terminals at work, not
 * the whole fleet.
 */
export class TerminalLedgerStates {
  /** In the order of last use, oldest first. */
  private readonly loaded = new Map<string, LoadedTerminalLedger>();
  private cachedWeight = 0;
  private readonly holding = new Set<string>();
  private readonly withHolds = new Set<string>();

  /** maxCachedEvents: no bound when not given (a ledger opened for one command). */
  constructor(
    private readonly store: EventStore,
    private readonly maxCachedEvents = Number.POSITIVE_INFINITY,
  ) {}

  async get(terminalId: string): Promise<LoadedTerminalLedger> {
    const ledger = this.loaded.get(terminalId);
    if (!ledger) return this.load(terminalId);
    this.loaded.delete(terminalId);
    this.loaded.set(terminalId, ledger);
    return ledger;
  }

  set(terminalId: string, ledger: LoadedTerminalLedger): void {
    this.forget(terminalId);
    this.loaded.set(terminalId, ledger);
    this.cachedWeight += weightOf(ledger);
    this.dropLeastRecentlyUsed(terminalId);
    if (ledger.state.parkedCount > 0) this.holding.add(terminalId);
    else this.holding.delete(terminalId);
    if (ledger.state.openHolds.length > 0) this.withHolds.add(terminalId);
    else this.withHolds.delete(terminalId);
  }

  forget(terminalId: string): void {
    const ledger = this.loaded.get(terminalId);
    if (!ledger) return;
    this.loaded.delete(terminalId);
    this.cachedWeight -= weightOf(ledger);
  }

  /** Terminals whose last known state holds parked events (kept across forget, until a state without any). */
  holdingParkedEvents(): string[] {
    return [...this.holding];
  }

  /** Terminals whose last known state holds approved pre-authorisations (kept across forget, like the parked ones). */
  holdingPreAuthorizations(): string[] {
    return [...this.withHolds];
  }

  /** The terminal just set stays, even when its history alone is over the bound. */
  private dropLeastRecentlyUsed(keep: string): void {
    for (const terminalId of this.loaded.keys()) {
      if (this.cachedWeight <= this.maxCachedEvents) return;
      if (terminalId !== keep) this.forget(terminalId);
    }
  }

  private async load(terminalId: string): Promise<LoadedTerminalLedger> {
    const ledger = await aggregateStream<TerminalLedgerState, LedgerEvent>(this.store, terminalStream(terminalId), terminalLedgerDecider(terminalId));
    this.set(terminalId, ledger);
    return ledger;
  }
}
