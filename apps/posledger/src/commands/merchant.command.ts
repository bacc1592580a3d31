import { parseFeeSchedule } from '@posledger/domain';
import type { PlatformConfig } from '@posledger/platform-config';
import { REFUND_FEE_POLICIES, type RefundFeePolicy } from '@posledger/domain';
import { addMerchant, printJson, setOfflineLimit, setPayoutSchedule, setPreAuthorizationPolicy, setRefundFeePolicy } from '@posledger/platform';
import { UsageError } from '../cli/cli-error';
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

/** A whole number given to `--name`, or a usage error naming it. */
function wholeNumber(command: string, options: CliOptions, name: string): number {
  const text = required(command, options, name);
  if (!/^[0-9]{1,9}$/.test(text)) throw new UsageError(`${command}: --${name} must be a whole number, got ${text}`);
  return Number(text);
}

/** `merchant preauth`: how far a completion may exceed its hold (a percentage) and after how many days a hold expires. */
export async function merchantPreAuthorizationCommand(config: PlatformConfig, options: CliOptions): Promise<void> {
  const command = 'merchant preauth';
  const merchantId = required(command, options, 'merchant');
  const policy = { tolerancePercent: wholeNumber(command, options, 'tolerance-percent'), expiryDays: wholeNumber(command, options, 'expiry-days') };
  await withStores(config, async (stores) => {
    await setPreAuthorizationPolicy(stores, merchantId, policy);
    printJson({ merchantId, ...policy });
  });
}

/** `merchant payouts`: settled funds cut off daily at --cutoff (HH:MM, the merchant's time), paid --delay-days later. */
export async function merchantPayoutsCommand(config: PlatformConfig, options: CliOptions): Promise<void> {
  const command = 'merchant payouts';
  const merchantId = required(command, options, 'merchant');
  const schedule = { delayDays: wholeNumber(command, options, 'delay-days'), cutoff: required(command, options, 'cutoff') };
  await withStores(config, async (stores) => {
    await setPayoutSchedule(stores, merchantId, schedule);
    printJson({ merchantId, payouts: schedule });
  });
}

/** `merchant refund-fees`: whether a refund returns its share of the sale's fee (returned) or the acquirer keeps it (kept). */
export async function merchantRefundFeesCommand(config: PlatformConfig, options: CliOptions): Promise<void> {
  const command = 'merchant refund-fees';
  const merchantId = required(command, options, 'merchant');
  const policy = required(command, options, 'policy').toUpperCase();
  if (!(REFUND_FEE_POLICIES as readonly string[]).includes(policy)) throw new UsageError(`${command}: --policy must be kept or returned, got ${policy.toLowerCase()}`);
  await withStores(config, async (stores) => {
    await setRefundFeePolicy(stores, merchantId, policy as RefundFeePolicy);
    printJson({ merchantId, refundFees: policy });
  });
}
