import type { EventStore } from '@posledger/event-store';

export interface Recorded {
  readonly position: bigint;
  readonly recordedAt: number;
}

/** Adds every TerminalEventRecorded from `fromPosition` on to `recorded`, by terminal event id; returns the next position. */
export async function readRecorded(store: EventStore, fromPosition: bigint, recorded: Map<string, Recorded>): Promise<bigint> {
  for (let next = fromPosition; ; ) {
    const page = await store.readAll({ fromPosition: next, maxCount: 5000 });
    if (page.length === 0) return next;
    for (const event of page) {
      if (event.type === 'TerminalEventRecorded' && typeof event.data.terminalEventId === 'string') {
        recorded.set(event.data.terminalEventId, { position: event.position, recordedAt: Date.parse(event.recordedAt) });
      }
    }
    next = page[page.length - 1].position + 1n;
  }
}

/** Resolves once the head has not moved for `quietMs` (the ledger has consumed everything it was given). */
export async function headAtRest(store: EventStore, quietMs: number): Promise<bigint> {
  let head = await store.headPosition();
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = await store.headPosition();
    if (now !== head) {
      head = now;
      quietSince = Date.now();
    }
  }
  return head;
}
