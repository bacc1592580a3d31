import { join } from 'node:path';
import type { EventStore } from './event-store.port';
import { createLmdbEventStore } from './lmdb/lmdb-event-store';
import { withHashChain } from './hash-chain/with-hash-chain';

export interface EventStoreConfig {
  /** EventStoreDB / KurrentDB connection string; when absent the embedded LMDB store is used. */
  readonly eventStoreUrl?: string;
  readonly dataDir: string;
}

/** Every adapter behind the hash chain, so that every appended event is tamper-evident. */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  if (config.eventStoreUrl) {
    // The EventStoreDB client (gRPC and its generated protobufs) is loaded only by the processes that use it.
    const { createEventStoreDbEventStore } = await import('./esdb/esdb-event-store');
    return withHashChain(createEventStoreDbEventStore({ connectionString: config.eventStoreUrl }));
  }
  return withHashChain(await createLmdbEventStore({ path: join(config.dataDir, 'event-store') }));
}
