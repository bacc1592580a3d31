import type { EventStore } from '../event-store.port';
import { aggregateStream, type AggregatedStream, type Evolution } from './aggregate-stream';

/**
 * A stream folded, read on from the revision it was last read at: each event is read once while the fold is kept.
 * Given `trim`, the state is passed through it after the read (to forget what no later command needs).
 */
export type StreamFolds<State> = (streamId: string, trim?: (state: State) => State) => Promise<AggregatedStream<State>>;

/**
 * Folds of streams kept between commands, for streams of large events (a statement's PDF, a bill's lines) appended to
 * day after day: streams only grow, so a kept fold goes on from its revision whoever appended since (another process
 * too), and a fold kept by a slower concurrent read is only further behind. The least recently read are forgotten
 * past `maxStreams`, and read whole when next asked for.
 */
export function streamFolds<State, Event extends { type: string; data: unknown }>(store: EventStore, evolution: Evolution<State, Event>, maxStreams: number): StreamFolds<State> {
  const folds = new Map<string, AggregatedStream<State>>();
  return async (streamId, trim) => {
    const folded = await aggregateStream(store, streamId, evolution, folds.get(streamId));
    const trimmed = trim ? { ...folded, state: trim(folded.state) } : folded;
    folds.delete(streamId);
    folds.set(streamId, trimmed);
    if (folds.size > maxStreams) folds.delete(folds.keys().next().value as string);
    return trimmed;
  };
}
