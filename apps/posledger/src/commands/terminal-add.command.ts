import type { PlatformConfig } from '@posledger/platform-config';
import { UsageError } from '../cli/cli-error';
import { addTerminal, openProvisioningStores, printJson } from '@posledger/platform';

export async function terminalAddCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  if (typeof options.merchant !== 'string' || typeof options.id !== 'string') throw new UsageError('terminal add needs --merchant ID --id TID');
  const stores = await openProvisioningStores(config);
  try {
    printJson(await addTerminal(stores, options.merchant, options.id));
  } finally {
    await stores.close();
  }
}
