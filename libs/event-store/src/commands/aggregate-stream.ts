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

/** Reads a whole stream and folds it with `evolve` from `initialState()`. */
export async function aggregateStream<State, Event extends { type: string; data: unknown }>(
  store: EventStore,
  streamId: string,
  { evolve, initialState }: Evolution<State, Event>,
): Promise<AggregatedStream<State>> {
  const events = await store.readStream(streamId);
  const state = events.reduce((current, event) => evolve(current, { type: event.type, data: event.data as JsonObject } as Event), initialState());
  return { state, revision: events.length === 0 ? 'no_stream' : events[events.length - 1].revision };
}
