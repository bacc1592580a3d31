import { openCredentialStore } from '@posledger/credentials';
import type { PlatformConfig } from '@posledger/platform-config';
import { printJson } from '@posledger/platform/output';
import { UsageError } from '../cli/cli-error';

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
  // Loaded here, not on import: an auditor's token needs the credentials store alone, not the registry's modules.
  const { openProvisioningStores } = await import('@posledger/platform');
  const stores = await openProvisioningStores(config);
  try {
    if (!(await stores.registry.view.merchant(options.merchant))) throw new UsageError(`no merchant ${options.merchant}: add it first`);
    printJson({ token: await stores.credentials.issueToken({ role: 'merchant', merchantId: options.merchant }) });
  } finally {
    await stores.close();
  }
}
