// Projects the events before a given position, then stops: what a rebuild needs to bring several projections to
// exactly the same position. Each page is read once for every projection, and the next page is read and projected
// while the current one is inserted. Checkpoints and clean-up work as in the projection runner, so an interrupted range resumes.
import type { EventStore, RecordedEventData } from '@posledger/event-store';
import { createCheckpointTable, resumePositions, writeCheckpoints } from '../projections/projection-checkpoints';
import type { Projection } from '../projections/projection';
import { assertProjectionSet } from '../projections/projection-set';
import { DEFAULT_MAX_BATCH_SIZE, eventsFrom, projectBatch, writeProjectedBatch } from '../projections/projected-batch';
import type { ReadStore } from '../read-store.port';

export interface RangeOptions {
  /** Events per read and per INSERT into each table; default that of the live projections. */
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
  assertProjectionSet(projections);
  await createCheckpointTable(readStore);
  const next = await resumePositions(readStore, projections);
  const pageSize = options.pageSize ?? DEFAULT_MAX_BATCH_SIZE;
  const read = (from: bigint): Promise<RecordedEventData[]> => {
    const page = from < until ? eventStore.readAllData({ fromPosition: from, maxCount: pageSize }) : Promise.resolve([]);
    // A read ahead is abandoned when the write before it fails; its own failure must not go unhandled then.
    page.catch(() => undefined);
    return page;
  };
  let reading = read(next.reduce((min, position) => (position < min ? position : min), until));
  let writing: Promise<void> = Promise.resolve();
  for (;;) {
    const page = (await reading).filter((event) => event.position < until);
    if (page.length === 0) break;
    const checkpoint = page[page.length - 1].position + 1n;
    reading = read(checkpoint);
    const parts = projections.map((projection, i) => ({ projection, events: eventsFrom(page, next[i]) })).filter((part) => part.events.length > 0);
    projections.forEach((_, i) => (next[i] = next[i] > checkpoint ? next[i] : checkpoint));
    const batch = await projectBatch(parts, checkpoint);
    await writing;
    writing = writeProjectedBatch(readStore, batch).then(() => options.onPage?.(checkpoint, page.length));
    // Awaited on the next page or after the loop; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
  }
  await writing;
  // Positions may be sparse (EventStoreDB): the last event before `until` need not sit at until - 1.
  const short = projections.filter((_, i) => next[i] < until);
  if (short.length > 0) await writeCheckpoints(readStore, short.map((projection) => ({ name: projection.name, position: until })));
}
