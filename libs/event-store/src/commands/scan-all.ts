import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore, RecordedEvent } from '../event-store.port';

const PAGE = 2_000;

/**
 * Visits every event of the store in its global order from `fromPosition`, page by page, until the end or until
 * `visit` returns false (that event is not counted as read). Returns the position of the last event read, or
 * `fromPosition - 1` when none was. Between pages it gives the event loop a turn: the embedded store reads without
 * waiting, and a day's statement or payout run must not hold up the ledger's thread for the whole scan.
 */
export async function scanAll(store: Pick<EventStore, 'readAll'>, fromPosition: bigint, visit: (recorded: RecordedEvent) => boolean | void): Promise<bigint> {
  let through = fromPosition - 1n;
  for (;;) {
    const page = await store.readAll({ fromPosition: through + 1n, maxCount: PAGE });
    for (const recorded of page) {
      if (visit(recorded) === false) return through;
      through = recorded.position;
    }
    if (page.length < PAGE) return through;
    await nextTurn();
  }
}
