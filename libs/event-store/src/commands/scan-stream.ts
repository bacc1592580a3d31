import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore, RecordedEvent } from '../event-store.port';

const PAGE = 2_000;

/**
 * Visits every event of one stream in order, page by page, until its end or until `visit` returns false. Between
 * pages it gives the event loop a turn, as scanAll does: the embedded store reads without waiting, and a long
 * stream read for a request must not hold up the thread that serves the others. Returns whether it reached the end.
 */
export async function scanStream(store: Pick<EventStore, 'readStream'>, streamId: string, visit: (recorded: RecordedEvent) => boolean | void): Promise<boolean> {
  for (let from = 0n; ; ) {
    const page = await store.readStream(streamId, from, PAGE);
    for (const recorded of page) if (visit(recorded) === false) return false;
    if (page.length < PAGE) return true;
    from = page[page.length - 1].revision + 1n;
    await nextTurn();
  }
}
