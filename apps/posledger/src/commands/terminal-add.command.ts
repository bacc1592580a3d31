import type { PlatformConfig } from '@posledger/platform-config';
import { UsageError } from '../cli/cli-error';
import { printJson } from '../cli/output';
import { openProvisioningStores } from '../platform/open-stores';
import { addTerminal } from '../platform/provisioning';

export async function terminalAddCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  if (typeof options.merchant !== 'string' || typeof options.id !== 'string') throw new UsageError('terminal add needs --merchant ID --id TID');
  const stores = await openProvisioningStores(config);
  try {
    printJson(await addTerminal(stores, options.merchant, options.id));
  } finally {
    await stores.close();
  }
}
