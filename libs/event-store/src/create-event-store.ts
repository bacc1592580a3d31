import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { createEventStoreDbEventStore } from './esdb/esdb-event-store';
import { createLmdbEventStore } from './lmdb/lmdb-event-store';
import { withHashChain } from './hash-chain/with-hash-chain';

export interface EventStoreConfig {
  /** EventStoreDB / KurrentDB connection string; when absent the embedded LMDB store is used. */
  readonly eventStoreUrl?: string;
  readonly dataDir: string;
}

/** Every adapter behind the hash chain, so that every appended event is tamper-evident. */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.eventStoreUrl) return withHashChain(createEventStoreDbEventStore({ connectionString: config.eventStoreUrl }));
  return withHashChain(await createLmdbEventStore({ path: join(config.dataDir, 'event-store') }));
}
