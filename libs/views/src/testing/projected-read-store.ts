import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@posledger/event-store';
import { createReadStore, runMigrations, type ReadStore } from '@posledger/read-store';
import { VIEW_MIGRATIONS, VIEW_PROJECTIONS } from '../view-set';

/** A chDB read store with every view, filled by every projection from `events` recorded a second apart from `at`. */
export async function projectedReadStore(
  database: string,
  events: readonly { readonly streamId: string; readonly type: string; readonly data: object }[],
  at: number,
): Promise<{ store: ReadStore; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `views-${database}-`));
  const store = await createReadStore({ dataDir, database });
  await runMigrations(store, VIEW_MIGRATIONS);
  const log: RecordedEvent[] = events.map(({ streamId, type, data }, n) => ({
    id: `e-${n}`, streamId, revision: BigInt(n), position: BigInt(n), type, data: { ...data } as RecordedEvent['data'], metadata: {}, recordedAt: new Date(at + n * 1000).toISOString(),
  }));
  for (const projection of VIEW_PROJECTIONS) {
    for (const [table, rows] of Object.entries(projection.project(log))) await store.insert(table, rows);
  }
  return {
    store,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
