import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { createEventStoreDbEventStore } from './esdb/esdb-event-store';
import { createLmdbEventStore } from './lmdb/lmdb-event-store';

export interface EventStoreConfig {
  /** EventStoreDB / KurrentDB connection string; when absent the embedded LMDB store is used. */
  readonly eventStoreUrl?: string;
  readonly dataDir: string;
}

export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.eventStoreUrl) return createEventStoreDbEventStore({ connectionString: config.eventStoreUrl });
  return createLmdbEventStore({ path: join(config.dataDir, 'event-store') });
}
