import { parseFeeSchedule } from '@posledger/domain';
import type { PlatformConfig } from '@posledger/platform-config';
import { addMerchant, printJson, setOfflineLimit } from '@posledger/platform';
import { required, withStores, type CliOptions } from '../cli/cli-options';

export async function merchantAddCommand(config: PlatformConfig, options: CliOptions): Promise<void> {
  const input = {
    merchantId: required('merchant add', options, 'id'),
    name: required('merchant add', options, 'name'),
    timeZone: required('merchant add', options, 'timezone'),
    currency: required('merchant add', options, 'currency'),
    feeSchedule: typeof options.fees === 'string' ? parseFeeSchedule(options.fees) : undefined,
  };
  await withStores(config, async (stores) => {
    await addMerchant(stores, input);
    printJson({ merchantId: input.merchantId, name: input.name, timezone: input.timeZone, currency: input.currency });
  });
}

/** `merchant offline-limit`: how much a terminal may approve offline (store-and-forward) for one card sale. */
export async function merchantOfflineLimitCommand(config: PlatformConfig, options: CliOptions): Promise<void> {
  const merchantId = required('merchant offline-limit', options, 'merchant');
  const upTo = required('merchant offline-limit', options, 'up-to');
  const upToMinor = upTo === 'none' ? null : upTo;
  await withStores(config, async (stores) => {
    await setOfflineLimit(stores, merchantId, upToMinor);
    printJson({ merchantId, offlineUpToMinor: upToMinor });
  });
}
