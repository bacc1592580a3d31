// The catch-up projector: event store -> read store, idempotent by event position. A batch's rows are inserted
// before its checkpoint, so a crash or failure in between leaves rows at or after the checkpoint: they are
// deleted before projecting again (on start, and before the event store redelivers a failed batch).
import type { EventStore, RecordedEvent } from '@posledger/event-store';
import type { ReadStore } from '../read-store.port';
import { assertTableName } from '../sql-identifier';
import { CatchUpWaiters } from './catch-up-waiters';
import type { Projection } from './projection';
import { createCheckpointTable, deleteRowsFrom, readCheckpoint } from './projection-checkpoints';
import { writeBatch } from './write-batch';

export interface ProjectionOptions {
  /** Most events per project() call, and so per INSERT; default 1000. */
  readonly maxBatchSize?: number;
  /** Called for each failed batch; the event store's subscription delivers the batch again after a back-off. */
  readonly onError?: (error: Error) => void;
}

export interface RunningProjection {
  /**
   * Resolves once every event before the store's head at call time is projected. Rejects if a batch fails
   * meanwhile (the projection goes on retrying) or if the projection stops first.
   */
  caughtUp(): Promise<void>;
  /** The next event position to project (the checkpoint). */
  position(): bigint;
  stop(): Promise<void>;
}

export async function startProjection(
  eventStore: EventStore,
  readStore: ReadStore,
  projection: Projection,
  options: ProjectionOptions = {},
): Promise<RunningProjection> {
  projection.tables.forEach(assertTableName);
  await createCheckpointTable(readStore);
  let next = 0n;
  const recover = async (): Promise<void> => {
    // Read back rather than trust memory: a checkpoint insert that failed in flight may still have been written.
    next = await readCheckpoint(readStore, projection.name);
    await deleteRowsFrom(readStore, projection.tables, next);
  };
  await recover();

  const waiters = new CatchUpWaiters();
  let unclean = false;
  const handle = async (events: readonly RecordedEvent[]): Promise<void> => {
    try {
      if (unclean) {
        await recover();
        unclean = false;
      }
      const pending = events.length > 0 && events[0].position < next ? events.filter((event) => event.position >= next) : events;
      if (pending.length === 0) return;
      const checkpoint = pending[pending.length - 1].position + 1n;
      unclean = true;
      await writeBatch(readStore, projection, pending, checkpoint);
      unclean = false;
      next = checkpoint;
      waiters.reached(next);
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      options.onError?.(error);
      waiters.failWaiting(error);
      throw error;
    }
  };
  const subscription = eventStore.subscribeToAll({ fromPosition: next, maxBatchSize: options.maxBatchSize ?? 1000 }, handle);

  let stopping: Promise<void> | undefined;
  return {
    async caughtUp(): Promise<void> {
      const head = await eventStore.headPosition();
      return waiters.wait(head, next);
    },
    position: () => next,
    stop(): Promise<void> {
      stopping ??= subscription.close().then(() => waiters.end(new Error(`projection '${projection.name}' stopped at position ${next}`)));
      return stopping;
    },
  };
}
