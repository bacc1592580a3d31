import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openLmdbEnvironment } from '@posledger/lmdb-env';

/**
 * Event ids ingest has already handed to the transport, to answer `duplicates`. Marked only after the
 * transport took the batch, so a crash in between re-publishes (the ledger dedupes by event id) and never loses.
 */
export interface SeenEventIds {
  has(terminalId: string, eventId: string): boolean;
  markAll(terminalId: string, eventIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export function openSeenEventIds(dataDir: string): SeenEventIds {
  const path = join(dataDir, 'ingest');
  mkdirSync(path, { recursive: true });
  // Not fsync'd: a mark lost in a crash only makes a later resend publish again, which the ledger dedupes by id.
  const root = openLmdbEnvironment({ path, noSync: true });
  const db = root.openDB<true, string>({ name: 'seen-event-ids' });
  const key = (terminalId: string, eventId: string) => `${terminalId}/${eventId}`;
  return {
    has: (terminalId, eventId) => db.get(key(terminalId, eventId)) === true,
    async markAll(terminalId, eventIds) {
      await db.transaction(() => {
        for (const id of eventIds) db.put(key(terminalId, id), true);
      });
    },
    close: () => root.close(),
  };
}
