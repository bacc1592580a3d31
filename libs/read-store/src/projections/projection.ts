import type { RecordedEventData } from '@posledger/event-store';

/** Rows to insert, by table name; every row carries the `position` of the event it came from. */
export type ProjectedRows = Readonly<Record<string, readonly Record<string, unknown>[]>>;

export interface Projection {
  /** Stable name under which the checkpoint is kept. */
  readonly name: string;
  /** Every table the projection writes; each has a UInt64 column `position` (the event's global position). */
  readonly tables: readonly string[];
  /** Must depend only on the events, so that projecting them again gives the same rows. */
  project(events: readonly RecordedEventData[]): Promise<ProjectedRows> | ProjectedRows;
}
