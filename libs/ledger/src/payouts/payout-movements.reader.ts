import { Inject, Injectable } from '@nestjs/common';
import { isLedgerEvent, isTerminalStream, payoutMovementsOf, type LedgerEvent, type PayoutMovement } from '@posledger/domain';
import { scanAll, type EventStore } from '@posledger/event-store';
import { EVENT_STORE } from '../ledger.tokens';

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
    const throughPosition = await scanAll(this.store, fromPosition, (recorded) => {
      if (Date.parse(recorded.recordedAt) >= cutoff) return false;
      const event = { type: recorded.type, data: recorded.data };
      if (!isTerminalStream(recorded.streamId) || !isLedgerEvent(event)) return;
      const ledgerEvent: LedgerEvent = event;
      if (ledgerEvent.data.merchantId === merchantId) movements.push(...payoutMovementsOf(ledgerEvent, recorded.position));
    });
    return { movements, throughPosition };
  }
}
