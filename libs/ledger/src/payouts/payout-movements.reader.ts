import { Inject, Injectable } from '@nestjs/common';
import { isLedgerEvent, isTerminalStream, payoutMovementsOf, type LedgerEvent, type PayoutMovement } from '@posledger/domain';
import type { EventStore } from '@posledger/event-store';
import { EVENT_STORE } from '../ledger.tokens';

const PAGE = 2_000;

/**
 * The merchant's movements of available funds in the store's global order, from a position up to the first event
 * recorded at or after the cut-off (so that a movement recorded before it is never missed, whatever the views hold).
 */
@Injectable()
export class PayoutMovementsReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(merchantId: string, fromPosition: bigint, cutoffAt: string): Promise<{ movements: PayoutMovement[]; throughPosition: bigint }> {
    const movements: PayoutMovement[] = [];
    const cutoff = Date.parse(cutoffAt);
    let through = fromPosition - 1n;
    for (;;) {
      const page = await this.store.readAll({ fromPosition: through + 1n, maxCount: PAGE });
      for (const recorded of page) {
        if (Date.parse(recorded.recordedAt) >= cutoff) return { movements, throughPosition: through };
        through = recorded.position;
        const event = { type: recorded.type, data: recorded.data };
        if (!isTerminalStream(recorded.streamId) || !isLedgerEvent(event)) continue;
        const ledgerEvent: LedgerEvent = event;
        if (ledgerEvent.data.merchantId === merchantId) movements.push(...payoutMovementsOf(ledgerEvent, recorded.position));
      }
      if (page.length < PAGE) return { movements, throughPosition: through };
    }
  }
}
