// Projects the events before a given position, then stops: what a rebuild needs to bring several projections to
// exactly the same position. Each page is read once for every projection, and the next pages are read and
// projected while the current one is inserted. Checkpoints and clean-up work as in the projection runner, so an interrupted range resumes.
import type { EventStore, RecordedEvent } from '@posledger/event-store';
import { createCheckpointTable, deleteRowsFrom, readCheckpoint, writeCheckpoint } from '../projections/projection-checkpoints';
import type { Projection } from '../projections/projection';
import { writeBatch } from '../projections/write-batch';
import type { ReadStore } from '../read-store.port';
import { assertTableName } from '../sql-identifier';

export interface RangeOptions {
  /** Events per read and per projection INSERT; default 5000. */
  readonly pageSize?: number;
  /** Called after each page with the next position every projection has reached and the page's event count. */
  readonly onPage?: (position: bigint, events: number) => void;
}

/** Projects every event before `until` (a headPosition()) into each projection's tables; each checkpoint ends at `until`. */
export async function projectRange(
  eventStore: EventStore,
  readStore: ReadStore,
  projections: readonly Projection[],
  until: bigint,
  options: RangeOptions = {},
): Promise<void> {
  projections.forEach((projection) => projection.tables.forEach(assertTableName));
  await createCheckpointTable(readStore);
  const next = await Promise.all(
    projections.map(async (projection) => {
      const checkpoint = await readCheckpoint(readStore, projection.name);
      await deleteRowsFrom(readStore, projection.tables, checkpoint);
      return checkpoint;
    }),
  );
  const pageSize = options.pageSize ?? 5000;
  const read = (from: bigint): Promise<RecordedEvent[]> => {
    const page = from < until ? eventStore.readAll({ fromPosition: from, maxCount: pageSize }) : Promise.resolve([]);
    // A read ahead is abandoned when the write before it fails; its own failure must not go unhandled then.
    page.catch(() => undefined);
    return page;
  };
  let reading = read(next.reduce((min, position) => (position < min ? position : min), until));
  // Per projection its batches are written in order; each page is projected while the page before is being inserted.
  const writing: Promise<void>[] = projections.map(() => Promise.resolve());
  let previousPage: Promise<void> = Promise.resolve();
  for (;;) {
    const page = (await reading).filter((event) => event.position < until);
    if (page.length === 0) break;
    const checkpoint = page[page.length - 1].position + 1n;
    reading = read(checkpoint);
    projections.forEach((projection, i) => {
      const pending = page[0].position < next[i] ? page.filter((event) => event.position >= next[i]) : page;
      if (pending.length === 0) return;
      next[i] = checkpoint;
      writing[i] = writing[i].then(() => writeBatch(readStore, projection, pending, checkpoint));
    });
    const thisPage = Promise.all(writing).then(() => options.onPage?.(checkpoint, page.length));
    thisPage.catch(() => undefined);
    await previousPage;
    previousPage = thisPage;
  }
  await previousPage;
  // Positions may be sparse (EventStoreDB): the last event before `until` need not sit at until - 1.
  await Promise.all(projections.map((projection, i) => (next[i] < until ? writeCheckpoint(readStore, projection.name, until) : undefined)));
}
