import { openLedgerCommands, type LedgerCommands } from '@posledger/ledger';
import type { ProvisioningStores } from './open-stores';

/** Runs one command through the ledger's own command handlers, over the platform's stores. */
export async function executeOnLedger(stores: ProvisioningStores, command: Parameters<LedgerCommands['execute']>[0]): Promise<void> {
  await stores.registry.view.refresh();
  const ledger = await openLedgerCommands({ eventStore: stores.eventStore, registry: stores.registry.view });
  try {
    await ledger.execute(command);
  } finally {
    await ledger.close();
  }
}
