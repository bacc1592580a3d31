import { Inject, Injectable } from '@nestjs/common';
import { decidePayouts, evolvePayouts, initialPayoutsState, payoutStream, type PayoutEvent, type PayoutsCommand, type PayoutsState } from '@posledger/domain';
import { aggregateStream, handleCommand, type EventStore } from '@posledger/event-store';
import { EVENT_STORE } from '../ledger.tokens';
import { ledgerEventId } from '../terminal-ledger/ledger-event-id';

/** A run's events are named after its cut-off, a payout's confirmation or failure after the payout: a retry appends the same ids. */
function payoutEventId(event: PayoutEvent, ordinal: number): string {
  const cause = 'payoutId' in event.data && event.type !== 'PayoutScheduled' ? event.data.payoutId : `cutoff/${'cutoffAt' in event.data ? event.data.cutoffAt : ''}`;
  return ledgerEventId(`payouts/${event.data.merchantId}/${cause}`, event.type, ordinal);
}

/** A merchant's payout commands through the event store's one command loop, on its stream read afresh each time. */
@Injectable()
export class PayoutsAppend {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  state(merchantId: string): Promise<PayoutsState> {
    return this.load(merchantId).then(({ state }) => state);
  }

  run(merchantId: string, command: (state: PayoutsState) => PayoutsCommand | Promise<PayoutsCommand>): Promise<number> {
    let decided: PayoutsCommand | undefined;
    return handleCommand(this.store, payoutStream(merchantId), {
      load: async () => {
        const loaded = await this.load(merchantId);
        decided = await command(loaded.state);
        return loaded;
      },
      decide: (state) => {
        const events = decidePayouts(decided as PayoutsCommand, state);
        return {
          events: events.map((event, ordinal) => ({ id: payoutEventId(event, ordinal), type: event.type, data: event.data })),
          state: events.reduce(evolvePayouts, state),
        };
      },
    });
  }

  private load(merchantId: string) {
    return aggregateStream<PayoutsState, PayoutEvent>(this.store, payoutStream(merchantId), { evolve: evolvePayouts, initialState: () => initialPayoutsState(merchantId) });
  }
}
