// The catch-up projector: event store -> read store, idempotent by event position. Several projections share one
// subscription, so each event is read and parsed once; each gets only the events at or after its own checkpoint.
// A batch's rows are inserted before the checkpoints, so a crash or failure in between leaves rows at or after a
// checkpoint: they are deleted before projecting again (on start, and before the event store redelivers a failed batch).
import type { EventStore, RecordedEventData } from '@posledger/event-store';
import type { ReadStore } from '../read-store.port';
import { CatchUpWaiters } from './catch-up-waiters';
import type { Projection } from './projection';
import { createCheckpointTable, resumePositions, writeCheckpoints } from './projection-checkpoints';
import { createQuarantineTable, quarantine } from './quarantine';
import { isTransientStoreError } from './transient-store-error';
import { assertProjectionSet } from './projection-set';
import { DEFAULT_MAX_BATCH_SIZE, eventsFrom, prepareRows, projectBatch, writeProjectedBatch, type PreparedRows } from './projected-batch';

export interface ProjectionOptions {
  /**
   * Most events read per batch, and so per INSERT into each table; default 20,000. A live batch holds only what
   * was appended since the last one, so a large maximum mostly serves catching up.
   */
  readonly maxBatchSize?: number;
  /** Called for each failed batch; the event store's subscription delivers the batch again after a back-off. */
  readonly onError?: (error: Error) => void;
  /**
   * Failures of the same batch before it is written in halves, and an event that still fails alone is
   * quarantined (default 3); a failure of the store itself (full disk, out of reach) quarantines nothing.
   */
  readonly attemptsBeforeQuarantine?: number;
  /** Called for each event put in quarantine: the alert. */
  readonly onQuarantine?: (event: RecordedEventData, error: Error) => void;
}

export interface RunningProjections {
  /**
   * Resolves once every event before the store's head at call time is projected by every projection. Rejects if
   * a batch fails meanwhile (the projections go on retrying) or if they stop first.
   */
  caughtUp(): Promise<void>;
  /** The next event position every projection has reached: the lowest checkpoint. */
  position(): bigint;
  stop(): Promise<void>;
}

const lowest = (positions: readonly bigint[]): bigint => positions.reduce((min, position) => (position < min ? position : min));

export async function startProjections(
  eventStore: EventStore,
  readStore: ReadStore,
  projections: readonly Projection[],
  options: ProjectionOptions = {},
): Promise<RunningProjections> {
  if (projections.length === 0) throw new Error('startProjections needs at least one projection');
  assertProjectionSet(projections);
  await createCheckpointTable(readStore);
  await createQuarantineTable(readStore);
  let next = await resumePositions(readStore, projections);

  const waiters = new CatchUpWaiters();
  let unclean = false;
  const failures = { at: -1n, count: 0 };
  const attemptsBeforeQuarantine = options.attemptsBeforeQuarantine ?? 3;

  /** `prepared`: every projection's rows for the whole of `events`, used when every projection takes all of them. */
  const write = async (events: readonly RecordedEventData[], prepared?: PreparedRows): Promise<void> => {
    if (unclean) {
      next = await resumePositions(readStore, projections);
      unclean = false;
    }
    const parts = projections.map((projection, i) => ({ projection, events: eventsFrom(events, next[i]) }));
    const advancing = parts.filter((part) => part.events.length > 0);
    if (advancing.length === 0) return;
    const checkpoint = events[events.length - 1].position + 1n;
    unclean = true;
    const whole = parts.every((part) => part.events === events);
    await writeProjectedBatch(readStore, await projectBatch(advancing, checkpoint, whole ? prepared : undefined));
    unclean = false;
    next = next.map((position, i) => (parts[i].events.length > 0 ? checkpoint : position));
  };

  const quarantineEvent = async (event: RecordedEventData, error: Error): Promise<void> => {
    next = await resumePositions(readStore, projections);
    unclean = false;
    const stuck = projections.filter((_, i) => next[i] <= event.position);
    await quarantine(readStore, event, stuck.map((projection) => projection.name), error);
    await writeCheckpoints(readStore, stuck.map((projection) => ({ name: projection.name, position: event.position + 1n })));
    next = next.map((position) => (position <= event.position ? event.position + 1n : position));
    options.onQuarantine?.(event, error);
  };

  /**
   * After repeated failures: the batch in halves, each written whole or halved again, so the event that fails alone
   * is found in about 2·log2(n) writes, not n, and goes to quarantine.
   */
  const writeHalvesOrQuarantine = async (events: readonly RecordedEventData[]): Promise<void> => {
    const middle = Math.ceil(events.length / 2);
    for (const half of [events.slice(0, middle), events.slice(middle)]) {
      if (half.length === 0) continue;
      try {
        await write(half);
      } catch (thrown) {
        const error = thrown instanceof Error ? thrown : new Error(String(thrown));
        if (isTransientStoreError(error)) throw error;
        if (half.length === 1) await quarantineEvent(half[0], error);
        else await writeHalvesOrQuarantine(half);
      }
    }
  };

  const handle = async (events: readonly RecordedEventData[], prepared: PreparedRows | undefined): Promise<void> => {
    if (events.length === 0) return;
    try {
      if (failures.at === events[0].position && failures.count >= attemptsBeforeQuarantine) await writeHalvesOrQuarantine(events);
      else await write(events, prepared);
      failures.count = 0;
      waiters.reached(lowest(next));
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      if (failures.at === events[0].position) failures.count++;
      else Object.assign(failures, { at: events[0].position, count: 1 });
      options.onError?.(error);
      waiters.failWaiting(error);
      throw error;
    }
  };
  const subscription = eventStore.subscribeToAllData(
    { fromPosition: lowest(next), maxBatchSize: options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE, prepare: (events) => prepareRows(projections, events) },
    handle,
  );

  let stopping: Promise<void> | undefined;
  return {
    async caughtUp(): Promise<void> {
      const head = await eventStore.headPosition();
      return waiters.wait(head, lowest(next));
    },
    position: () => lowest(next),
    stop(): Promise<void> {
      const names = projections.map((projection) => `'${projection.name}'`).join(', ');
      stopping ??= subscription.close().then(() => waiters.end(new Error(`projections ${names} stopped at position ${lowest(next)}`)));
      return stopping;
    },
  };
}
