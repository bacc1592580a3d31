import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideAndEvolve, type FeeSchedule, type TerminalLedgerState } from '@posledger/domain';
import { ExpectedVersionConflictError, type EventStore, type NewEvent } from '@posledger/event-store';
import { EVENT_STORE } from '../../../ledger.tokens';
import { RegistryView } from '../../../registry/registry-view';
import { ledgerEventId } from '../../ledger-event-id';
import { TerminalLedgerStates, terminalStream } from '../../terminal-ledger-states';
import { UnknownTerminalError } from '../../unknown-terminal.error';
import { RecordTerminalEventsCommand, type RecordTerminalEventsResult } from './record-terminal-events.command';

const MAX_ATTEMPTS = 5;

@CommandHandler(RecordTerminalEventsCommand)
export class RecordTerminalEventsService implements ICommandHandler<RecordTerminalEventsCommand, RecordTerminalEventsResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly registry: RegistryView,
    private readonly states: TerminalLedgerStates,
  ) {}

  async execute({ terminalId, envelopes }: RecordTerminalEventsCommand): Promise<RecordTerminalEventsResult> {
    const merchantId = await this.registry.merchantOf(terminalId);
    const merchant = merchantId === undefined ? undefined : await this.registry.merchant(merchantId);
    if (!merchant) throw new UnknownTerminalError(terminalId);

    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.states.get(terminalId);
      const { events, next } = this.decideAll(state, envelopes, merchant.merchantId, merchant.feeSchedule);
      if (events.length === 0) return { appended: 0 };
      try {
        const result = await this.store.appendToStream(terminalStream(terminalId), events, revision);
        this.states.set(terminalId, { state: next, revision: result.nextExpectedRevision });
        return { appended: events.length };
      } catch (error) {
        this.states.forget(terminalId);
        if (!(error instanceof ExpectedVersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private decideAll(
    initial: TerminalLedgerState,
    envelopes: RecordTerminalEventsCommand['envelopes'],
    merchantId: string,
    feeSchedule: FeeSchedule,
  ): { events: NewEvent[]; next: TerminalLedgerState } {
    let state = initial;
    const events: NewEvent[] = [];
    for (const { event, panMasked, receivedAt } of envelopes) {
      const decision = decideAndEvolve({ type: 'RecordTerminalEvent', data: { event, panMasked, merchantId, feeSchedule } }, state);
      state = decision.state;
      const ordinals = new Map<string, number>();
      for (const ledgerEvent of decision.events) {
        const cause = typeof ledgerEvent.data.terminalEventId === 'string' ? ledgerEvent.data.terminalEventId : event.eventId;
        const key = `${cause}/${ledgerEvent.type}`;
        const ordinal = ordinals.get(key) ?? 0;
        ordinals.set(key, ordinal + 1);
        events.push({
          id: ledgerEventId(cause, ledgerEvent.type, ordinal),
          type: ledgerEvent.type,
          data: ledgerEvent.data,
          metadata: { terminalId: event.terminalId, merchantId, causationId: cause, receivedAt },
        });
      }
    }
    return { events, next: state };
  }
}
