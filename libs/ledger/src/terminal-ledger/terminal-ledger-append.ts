import { Inject, Injectable } from '@nestjs/common';
import { decideAndEvolve, terminalStream, type TerminalLedgerCommand, type TerminalLedgerState } from '@posledger/domain';
import { handleCommand, type EventStore, type NewEvent } from '@posledger/event-store';
import { EVENT_STORE } from '../ledger.tokens';
import { ledgerEventId } from './ledger-event-id';
import { TerminalLedgerStates } from './terminal-ledger-states';

/** A command for the terminal's decider and the `receivedAt` its ledger events' metadata carries. */
export interface LedgerCommand {
  readonly command: TerminalLedgerCommand;
  readonly receivedAt: string;
}

/**
 * A terminal's commands through the event store's one command loop: folded over the cached state, appended at its
 * revision; on a conflict (another ledger appended) the cache is dropped and the stream read again.
 */
@Injectable()
export class TerminalLedgerAppend {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly states: TerminalLedgerStates,
  ) {}

  run(terminalId: string, commands: (state: TerminalLedgerState) => readonly LedgerCommand[]): Promise<number> {
    return handleCommand(this.store, terminalStream(terminalId), {
      load: () => this.states.get(terminalId),
      decide: (state) => this.decideAll(state, commands(state)),
      appended: (state, result) => this.states.set(terminalId, { state, revision: result.nextExpectedRevision }),
      appendFailed: () => this.states.forget(terminalId),
    });
  }

  private decideAll(initial: TerminalLedgerState, commands: readonly LedgerCommand[]): { events: NewEvent[]; state: TerminalLedgerState } {
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
          metadata: { receivedAt },
        });
      }
    }
    return { events, state };
  }
}
