import { absorbLmdbCommitFailures, createEventStore, startAnchoring, type EventStore } from '@posledger/event-store';
import type { PlatformConfig } from '@posledger/platform-config';
import { openRegistry, type Registry } from '@posledger/registry';
import { log } from '../output';
import { startStatementClock } from './statement-clock';

export interface DailyJobs {
  stop(): Promise<void>;
}

/**
 * What runs beside the ledger but decides nothing for a terminal: anchoring the log and issuing each day's statements.
 * One per embedded data dir; with Kafka, racing anchorers and statement clocks are safe (expected versions).
 */
export function startDailyJobs(stores: { eventStore: EventStore; registry: Registry }, foldedMerchants: number): DailyJobs {
  const anchoring = startAnchoring(stores.eventStore);
  const statements = startStatementClock(stores, (merchantId, error) => log(`daily statement of ${merchantId} not issued: ${error.message}`), foldedMerchants);
  return {
    async stop() {
      await statements.stop();
      await anchoring.stop();
    },
  };
}

/** The daily jobs on stores of their own (their worker thread's): the event store and the registry it follows. */
export async function startDailyJobsOn(config: PlatformConfig): Promise<DailyJobs> {
  absorbLmdbCommitFailures();
  const eventStore = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
  const registry = await openRegistry(eventStore);
  const jobs = startDailyJobs({ eventStore, registry }, config.foldedMerchants);
  return {
    async stop() {
      await jobs.stop();
      await registry.close();
      await eventStore.close();
    },
  };
}
