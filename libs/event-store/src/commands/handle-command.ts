import type { AppendResult, EventStore, NewEvent } from '../event-store.port';
import { ExpectedVersionConflictError } from '../expected-version-conflict.error';
import type { AggregatedStream } from './aggregate-stream';

const MAX_ATTEMPTS = 5;

/** How one aggregate takes a command: where its state comes from, and what to do once its events are appended. */
export interface CommandHandling<State> {
  /** The state and revision to decide on (a cache, a view, or aggregateStream). */
  load(): Promise<AggregatedStream<State>>;
  /** The events to append (empty: nothing to do) and the state they lead to. */
  decide(state: State): { events: readonly NewEvent[]; state: State };
  /** After the append: e.g. keep the new state for the next command. */
  appended?(state: State, result: AppendResult): void | Promise<void>;
  /** After a failed append, so that the next load reads the stream again. */
  appendFailed?(): void;
}

/**
 * The one read-decide-append loop of every aggregate: decides on the loaded state, appends at its revision, and on
 * an expected-revision conflict (another process appended in between) loads and decides again, a few times.
 * Returns how many events were appended.
 */
export async function handleCommand<State>(store: EventStore, streamId: string, handling: CommandHandling<State>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await handling.load();
    const decision = handling.decide(state);
    if (decision.events.length === 0) return 0;
    try {
      const result = await store.appendToStream(streamId, decision.events, revision);
      await handling.appended?.(decision.state, result);
      return decision.events.length;
    } catch (error) {
      handling.appendFailed?.();
      if (!(error instanceof ExpectedVersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
