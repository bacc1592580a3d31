import type { RecordedEvent } from '../event-store.port';
import { openLmdbDatabases, type LmdbDatabases } from '../lmdb/lmdb-databases';
import { decodeStoredEvent, toStoredEvent } from '../lmdb/lmdb-records';

/** An attacker's view of the embedded store's files: the sub-databases, written without the adapter. */
export interface LmdbFiles {
  readonly dbs: LmdbDatabases;
  positionOf(streamId: string, revision: bigint): number;
  read(position: number): RecordedEvent;
  /** Stores the event at its own position, bypassing every check. */
  write(event: RecordedEvent): void;
}

/** Opens the LMDB environment at path (the store must be closed or idle), runs the attack, closes it. */
export async function tamperWithLmdb<T>(path: string, attack: (files: LmdbFiles) => T): Promise<T> {
  const { root, dbs } = openLmdbDatabases(path);
  const files: LmdbFiles = {
    dbs,
    positionOf(streamId, revision) {
      const position = dbs.streams.get([streamId, Number(revision)]);
      if (position === undefined) throw new Error(`no ${streamId}@${revision} in ${path}`);
      return position;
    },
    read(position) {
      const stored = dbs.log.get(position);
      if (stored === undefined) throw new Error(`no position ${position} in ${path}`);
      return decodeStoredEvent(position, stored);
    },
    write(event) {
      const encoded = { id: event.id, type: event.type, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) };
      dbs.log.putSync(Number(event.position), toStoredEvent(encoded, event.streamId, Number(event.revision), event.recordedAt));
    },
  };
  try {
    return attack(files);
  } finally {
    await root.close();
  }
}
