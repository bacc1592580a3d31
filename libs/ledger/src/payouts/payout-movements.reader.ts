import { Inject, Injectable } from '@nestjs/common';
import { isLedgerEvent, isTerminalStream, payoutMovementsOf, type LedgerEvent, type PayoutMovement } from '@posledger/domain';
import { scanAll, type EventStore } from '@posledger/event-store';
import { EVENT_STORE } from '../ledger.tokens';

interface MovementsRead {
  readonly movements: PayoutMovement[];
  readonly throughPosition: bigint;
}

/** Every merchant's movements over one range of the store. */
interface Scan {
  readonly byMerchant: ReadonlyMap<string, PayoutMovement[]>;
  readonly throughPosition: bigint;
}

/**
 * The merchant's movements of available funds in the store's global order, from a position up to the first event
 * recorded at or after the cut-off (so that a movement recorded before it is never missed, whatever the views hold).
 * Within `sharingScans`, one scan of a range serves every merchant whose run reads that same range (merchants with
 * one cut-off, whose last runs stopped at the same event): a day's runs read the day once, not once per merchant.
 */
@Injectable()
export class PayoutMovementsReader {
  private shared?: Map<string, Promise<Scan>>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(merchantId: string, fromPosition: bigint, cutoffAt: string): Promise<MovementsRead> {
    if (this.shared === undefined) return this.scanOne(merchantId, fromPosition, cutoffAt);
    const key = `${fromPosition}/${cutoffAt}`;
    let scan = this.shared.get(key);
    if (scan === undefined) {
      scan = this.scanEvery(fromPosition, cutoffAt);
      this.shared.set(key, scan);
    }
    const { byMerchant, throughPosition } = await scan;
    return { movements: [...(byMerchant.get(merchantId) ?? [])], throughPosition };
  }

  /** Runs `body` with scans shared between reads of the same range; they are forgotten when it ends. */
  async sharingScans<T>(body: () => Promise<T>): Promise<T> {
    const outer = this.shared;
    this.shared ??= new Map();
    try {
      return await body();
    } finally {
      if (outer === undefined) this.shared = undefined;
    }
  }

  private async scanOne(merchantId: string, fromPosition: bigint, cutoffAt: string): Promise<MovementsRead> {
    const movements: PayoutMovement[] = [];
    const throughPosition = await this.scan(fromPosition, cutoffAt, (event, position) => {
      if (event.data.merchantId === merchantId) movements.push(...payoutMovementsOf(event, position));
    });
    return { movements, throughPosition };
  }

  private async scanEvery(fromPosition: bigint, cutoffAt: string): Promise<Scan> {
    const byMerchant = new Map<string, PayoutMovement[]>();
    const throughPosition = await this.scan(fromPosition, cutoffAt, (event, position) => {
      const movements = payoutMovementsOf(event, position);
      if (movements.length === 0) return;
      const merchant = byMerchant.get(event.data.merchantId);
      if (merchant === undefined) byMerchant.set(event.data.merchantId, movements);
      else merchant.push(...movements);
    });
    return { byMerchant, throughPosition };
  }

  private scan(fromPosition: bigint, cutoffAt: string, visit: (event: LedgerEvent, position: bigint) => void): Promise<bigint> {
    const cutoff = Date.parse(cutoffAt);
    return scanAll(this.store, fromPosition, (recorded) => {
      if (Date.parse(recorded.recordedAt) >= cutoff) return false;
      const event = { type: recorded.type, data: recorded.data };
      if (isTerminalStream(recorded.streamId) && isLedgerEvent(event)) visit(event, recorded.position);
    });
  }
}
