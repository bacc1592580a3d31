import { parseFeeSchedule } from '@posledger/domain';
import type { PlatformConfig } from '@posledger/platform-config';
import { UsageError } from '../cli/cli-error';
import { addMerchant, openProvisioningStores, printJson } from '@posledger/platform';

export async function merchantAddCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  const required = (name: string) => {
    const value = options[name];
    if (typeof value !== 'string' || value === '') throw new UsageError(`merchant add needs --${name}`);
    return value;
  };
  const input = {
    merchantId: required('id'),
    name: required('name'),
    timeZone: required('timezone'),
    currency: required('currency'),
    feeSchedule: typeof options.fees === 'string' ? parseFeeSchedule(options.fees) : undefined,
  };
  const stores = await openProvisioningStores(config);
  try {
    await addMerchant(stores, input);
    printJson({ merchantId: input.merchantId, name: input.name, timezone: input.timeZone, currency: input.currency });
  } finally {
    await stores.close();
  }
}
