import type { PlatformConfig } from '@posledger/platform-config';
import { openProvisioningStores, printJson } from '@posledger/platform';
import { UsageError } from '../cli/cli-error';

/** `token --merchant ID`: the merchant must be registered. */
export async function tokenCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  if (typeof options.merchant !== 'string') throw new UsageError('token needs --merchant ID or --auditor');
  const stores = await openProvisioningStores(config);
  try {
    if (!(await stores.registry.view.merchant(options.merchant))) throw new UsageError(`no merchant ${options.merchant}: add it first`);
    printJson({ token: await stores.credentials.issueToken({ role: 'merchant', merchantId: options.merchant }) });
  } finally {
    await stores.close();
  }
}
