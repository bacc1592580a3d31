import { mkdirSync } from 'node:fs';
import { openCredentialStore, type CredentialStore } from '@posledger/credentials';
import { createEventStore, type EventStore } from '@posledger/event-store';
import type { PlatformConfig } from '@posledger/platform-config';

export interface ProvisioningStores {
  readonly eventStore: EventStore;
  readonly credentials: CredentialStore;
  close(): Promise<void>;
}

/** What provisioning commands need: the event store (registry stream) and the credentials store. */
export async function openProvisioningStores(config: PlatformConfig): Promise<ProvisioningStores> {
  mkdirSync(config.dataDir, { recursive: true });
  const credentials = openCredentialStore(config.dataDir);
  const eventStore = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
  return {
    eventStore,
    credentials,
    async close() {
      await eventStore.close();
      await credentials.close();
    },
  };
}
