import { mkdirSync } from 'node:fs';
import { openCredentialStore, type CredentialStore } from '@posledger/credentials';
import { createEventStore, type EventStore } from '@posledger/event-store';
import type { PlatformConfig } from '@posledger/platform-config';
import { openRegistry, type Registry } from '@posledger/registry';

export interface ProvisioningStores {
  readonly eventStore: EventStore;
  readonly credentials: CredentialStore;
  readonly registry: Registry;
  close(): Promise<void>;
}

/** What provisioning commands need: the registry over the event store, and the credentials store. */
export async function openProvisioningStores(config: PlatformConfig): Promise<ProvisioningStores> {
  mkdirSync(config.dataDir, { recursive: true });
  const credentials = openCredentialStore(config.dataDir);
  const eventStore = await createEventStore({ eventStoreUrl: config.eventStoreUrl, dataDir: config.dataDir });
  const registry = await openRegistry(eventStore);
  return {
    eventStore,
    credentials,
    registry,
    async close() {
      await registry.close();
      await eventStore.close();
      await credentials.close();
    },
  };
}
