import type { Database, RootDatabase } from 'lmdb';
import { openLmdbEnvironment } from '@posledger/lmdb-env';
import type { StoredEvent } from './lmdb-records';

/** The sub-databases of one LMDB environment. Positions and revisions are stored as numbers (exact below 2^53). */
export interface LmdbDatabases {
  /** position -> event (the global log, in commit order). */
  readonly log: Database<StoredEvent, number>;
  /** [streamId, revision] -> position. */
  readonly streams: Database<number, [string, number]>;
  /** [streamId, eventId] -> revision of the event's first occurrence in that stream (for idempotent retries). */
  readonly eventIds: Database<number, [string, string]>;
  /** streamId -> revision of the stream's last event. */
  readonly heads: Database<number, string>;
}

/** Opens the event store's environment at path with its sub-databases (the one place that names them). */
export function openLmdbDatabases(path: string): { root: RootDatabase<unknown, string>; dbs: LmdbDatabases } {
  const root = openLmdbEnvironment<unknown, string>({ path, maxDbs: 8 });
  return {
    root,
    dbs: {
      log: root.openDB<StoredEvent, number>({ name: 'log' }),
      streams: root.openDB<number, [string, number]>({ name: 'streams' }),
      eventIds: root.openDB<number, [string, string]>({ name: 'event-ids' }),
      heads: root.openDB<number, string>({ name: 'heads' }),
    },
  };
}
