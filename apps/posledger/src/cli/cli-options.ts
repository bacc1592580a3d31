import { openProvisioningStores, type ProvisioningStores } from '@posledger/platform';
import type { PlatformConfig } from '@posledger/platform-config';
import { UsageError } from './cli-error';

export type CliOptions = Record<string, string | boolean | undefined>;

/** The value of `--name`, which `command` cannot do without. */
export function required(command: string, options: CliOptions, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`${command} needs --${name}`);
  return value;
}

/** Runs a provisioning step over the platform's stores, closed afterwards whatever happens. */
export async function withStores(config: PlatformConfig, run: (stores: ProvisioningStores) => Promise<void>): Promise<void> {
  const stores = await openProvisioningStores(config);
  try {
    await run(stores);
  } finally {
    await stores.close();
  }
}
