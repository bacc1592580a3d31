import { Inject, Injectable } from '@nestjs/common';
import { decideAndEvolve, type TerminalLedgerCommand, type TerminalLedgerState } from '@posledger/domain';
import { ExpectedVersionConflictError, type EventStore, type NewEvent } from '@posledger/event-store';
import { EVENT_STORE } from '../ledger.tokens';
import { ledgerEventId } from './ledger-event-id';
import { TerminalLedgerStates, terminalStream } from './terminal-ledger-states';

const MAX_ATTEMPTS = 5;

/** A command for the terminal's decider and the `receivedAt` its ledger events' metadata carries. */
export interface LedgerCommand {
  readonly command: TerminalLedgerCommand;
  readonly receivedAt: string;
}

/**
 * The one read-decide-append loop of a terminal's ledger: folds the commands over the cached state, appends the
 * events at the expected revision, and on a conflict (another ledger appended) reloads and decides again.
 */
@Injectable()
export class TerminalLedgerAppend {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: TerminalLedgerStates,
  ) {}

  async run(terminalId: string, commands: (state: TerminalLedgerState) => readonly LedgerCommand[]): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.states.get(terminalId);
      const { events, next } = this.decideAll(terminalId, state, commands(state));
      if (events.length === 0) return 0;
      try {
        const result = await this.store.appendToStream(terminalStream(terminalId), events, revision);
        this.states.set(terminalId, { state: next, revision: result.nextExpectedRevision });
        return events.length;
      } catch (error) {
        this.states.forget(terminalId);
        if (!(error instanceof ExpectedVersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private decideAll(terminalId: string, initial: TerminalLedgerState, commands: readonly LedgerCommand[]): { events: NewEvent[]; next: TerminalLedgerState } {
    let state = initial;
    const events: NewEvent[] = [];
    for (const { command, receivedAt } of commands) {
      const decision = decideAndEvolve(command, state);
      state = decision.state;
      const ordinals = new Map<string, number>();
      for (const ledgerEvent of decision.events) {
        const cause = ledgerEvent.data.terminalEventId;
        const key = `${cause}/${ledgerEvent.type}`;
        const ordinal = ordinals.get(key) ?? 0;
        ordinals.set(key, ordinal + 1);
        events.push({
          id: ledgerEventId(cause, ledgerEvent.type, ordinal),
          type: ledgerEvent.type,
          data: ledgerEvent.data,
          metadata: { terminalId, merchantId: ledgerEvent.data.merchantId, causationId: cause, receivedAt },
        });
      }
    }
    return { events, next: state };
  }
}
