import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore, ExpectedRevision, JsonObject } from '../event-store.port';

/** What a stream folds into: a decider's `evolve` and `initialState`, over plain `{ type, data }` events. */
export interface Evolution<State, Event extends { type: string; data: unknown }> {
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export interface AggregatedStream<State> {
  readonly state: State;
  /** The revision to append after: `no_stream` for a stream with no event yet. */
  readonly revision: ExpectedRevision;
}

/** Events read and folded in one turn of the event loop. */
const PAGE = 1_000;

/**
 * Reads a whole stream and folds it with `evolve` from `initialState()`, page by page, giving the event loop a turn
 * between pages: the embedded store reads without waiting, and a terminal with a long history, folded again after
 * the ledger dropped it, must not hold up every other terminal's batches for the whole fold. Given an earlier fold
 * of the stream, reads and folds only the events appended after it.
 */
export async function aggregateStream<State, Event extends { type: string; data: unknown }>(
  store: EventStore,
  streamId: string,
  { evolve, initialState }: Evolution<State, Event>,
  earlier?: AggregatedStream<State>,
): Promise<AggregatedStream<State>> {
  let state = earlier?.state ?? initialState();
  let revision: ExpectedRevision = earlier?.revision ?? 'no_stream';
  for (let from = typeof revision === 'bigint' ? revision + 1n : 0n; ; ) {
    const page = await store.readStream(streamId, from, PAGE);
    for (const event of page) state = evolve(state, { type: event.type, data: event.data as JsonObject } as Event);
    if (page.length > 0) {
      const last = page[page.length - 1].revision;
      revision = last;
      from = last + 1n;
    }
    if (page.length < PAGE) return { state, revision };
    await nextTurn();
  }
}
