import { openCredentialStore } from '@posledger/credentials';
import type { PlatformConfig } from '@posledger/platform-config';
import { UsageError } from '../cli/cli-error';
import { openProvisioningStores, printJson } from '@posledger/platform';

export async function tokenCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  if (options.auditor === true) {
    const credentials = openCredentialStore(config.dataDir);
    try {
      printJson({ token: await credentials.issueToken({ role: 'auditor', subject: typeof options.name === 'string' ? options.name : 'auditor' }) });
    } finally {
      await credentials.close();
    }
    return;
  }
  if (typeof options.merchant !== 'string') throw new UsageError('token needs --merchant ID or --auditor');
  const stores = await openProvisioningStores(config);
  try {
    if (!(await stores.registry.view.merchant(options.merchant))) throw new UsageError(`no merchant ${options.merchant}: add it first`);
    printJson({ token: await stores.credentials.issueToken({ role: 'merchant', merchantId: options.merchant }) });
  } finally {
    await stores.close();
  }
}
