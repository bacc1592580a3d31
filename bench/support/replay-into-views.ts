import type { EventStore } from '@posledger/event-store';
import { createReadStore, runMigrations, startProjections, type Projection } from '@posledger/read-store';
import { VIEW_MIGRATIONS } from '@posledger/views';


/** Seconds until the projections, started together on an empty chDB database, have projected the whole store. */
export async function replayIntoViews(eventStore: EventStore, dataDir: string, database: string, projections: readonly Projection[]): Promise<number> {
  const readStore = await createReadStore({ dataDir, database });
  try {
    await runMigrations(readStore, VIEW_MIGRATIONS);
    const start = performance.now();
    const running = await startProjections(eventStore, readStore, projections);
    await running.caughtUp();
    const seconds = (performance.now() - start) / 1000;
    await running.stop();
    return seconds;
  } finally {
    await readStore.close();
  }
}
