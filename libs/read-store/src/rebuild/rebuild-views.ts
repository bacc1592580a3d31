// Invariant 6 as an operation: replay the whole event store into shadow tables while the live views keep serving,
// bring both to the same position, compare them view by view, then swap the replay in.
import type { EventStore } from '@posledger/event-store';
import { deleteCheckpoints } from '../projections/projection-checkpoints';
import type { Projection } from '../projections/projection';
import type { ReadStore } from '../read-store.port';
import { assertTableName } from '../sql-identifier';
import { projectRange } from './project-range';
import { ProgressMeter, type RebuildProgress } from './rebuild-progress';
import type { RebuildReport, ViewComparison } from './rebuild-report';
import { shadowProjection, shadowTable } from './shadow-projection';
import { createShadowTables, dropShadowTables, exchangeWithShadows } from './shadow-tables';
import { tableChecksum } from './table-checksum';

/** The live projections of the views being rebuilt, paused while both sides are brought to one position. */
export interface LiveProjectionControl {
  pause(): Promise<void>;
  resume(): Promise<void>;
}

export interface ViewRebuildDependencies {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  /** The live projections; their tables must exist. */
  readonly projections: readonly Projection[];
  /** Absent when no live projection runs (e.g. the command line without a platform). */
  readonly live?: LiveProjectionControl;
  readonly now?: () => number;
}

export interface RebuildOptions {
  /** Switch to the replayed views even where they differ from the live ones. */
  readonly force?: boolean;
  readonly onProgress?: (progress: RebuildProgress) => void;
}

// The live projections are paused once the replay is this close to the head, so the pause stays short.
const FENCE_DISTANCE = 10_000n;
const MAX_CATCH_UP_ROUNDS = 5;

export async function rebuildViews(deps: ViewRebuildDependencies, options: RebuildOptions = {}): Promise<RebuildReport> {
  const { eventStore, readStore, projections, live } = deps;
  const now = deps.now ?? (() => performance.now());
  const tables = projections.flatMap((projection) => projection.tables);
  tables.forEach(assertTableName);
  const shadows = projections.map(shadowProjection);
  const meter = new ProgressMeter(now);
  const onPage = (position: bigint, events: number): void => {
    meter.projected(position, events);
    options.onProgress?.(meter.current());
  };

  await deleteCheckpoints(readStore, shadows.map((shadow) => shadow.name));
  await createShadowTables(readStore, tables);
  try {
    for (let round = 1; ; round++) {
      const head = await eventStore.headPosition();
      meter.sawHead(head);
      await projectRange(eventStore, readStore, shadows, head, { onPage });
      if (round === MAX_CATCH_UP_ROUNDS || (await eventStore.headPosition()) - head <= FENCE_DISTANCE) break;
    }

    meter.enter('fencing');
    options.onProgress?.(meter.current());
    await live?.pause();
    let views: ViewComparison[];
    let position: bigint;
    let switched = false;
    try {
      position = await eventStore.headPosition();
      meter.sawHead(position);
      await projectRange(eventStore, readStore, projections, position);
      await projectRange(eventStore, readStore, shadows, position, { onPage });
      meter.enter('comparing');
      options.onProgress?.(meter.current());
      views = await compareViews(readStore, projections);
      if (views.every((view) => view.equal) || options.force === true) {
        meter.enter('switching');
        options.onProgress?.(meter.current());
        await exchangeWithShadows(readStore, tables);
        switched = true;
      }
    } finally {
      await live?.resume();
    }
    const { events, elapsedMs, eventsPerSecond } = meter.current();
    return { position, events, durationMs: Math.round(elapsedMs), eventsPerSecond, views, equal: views.every((view) => view.equal), switched };
  } finally {
    // After a switch the shadows hold the former live views.
    await dropShadowTables(readStore, tables);
    await deleteCheckpoints(readStore, shadows.map((shadow) => shadow.name));
  }
}

async function compareViews(readStore: ReadStore, projections: readonly Projection[]): Promise<ViewComparison[]> {
  const views: ViewComparison[] = [];
  for (const projection of projections) {
    for (const table of projection.tables) {
      const [live, replayed] = await Promise.all([tableChecksum(readStore, table), tableChecksum(readStore, shadowTable(table))]);
      views.push({
        view: table,
        projection: projection.name,
        liveRows: live.rows,
        replayedRows: replayed.rows,
        liveChecksum: live.checksum,
        replayedChecksum: replayed.checksum,
        equal: live.rows === replayed.rows && live.checksum === replayed.checksum,
      });
    }
  }
  return views;
}
