import type { EventStore } from '@posledger/event-store';
import { balanceProjection, ledgerMigrations, settlementProjection } from '@posledger/ledger';
import { createReadStore, runMigrations, startProjections, type Projection } from '@posledger/read-store';
import { reportsMigrations, reportsProjection } from '@posledger/reports';

export const ALL_PROJECTIONS: readonly Projection[] = [balanceProjection, settlementProjection, reportsProjection];

/** Seconds until the projections, started together on an empty chDB database, have projected the whole store. */
export async function replayIntoViews(eventStore: EventStore, dataDir: string, database: string, projections: readonly Projection[]): Promise<number> {
  const readStore = await createReadStore({ dataDir, database });
  try {
    await runMigrations(readStore, [...ledgerMigrations, ...reportsMigrations]);
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
