import { ConfirmPayoutCommand, FailPayoutCommand, RunPayoutsCommand } from '@posledger/ledger';
import { payoutStream, UnknownMerchantError, valueDateOf, type PayoutSchedule } from '@posledger/domain';
import { SetPayoutScheduleCommand } from '@posledger/registry';
import { executeOnLedger } from './execute-on-ledger';
import type { ProvisioningStores } from './open-stores';

/** When the merchant's settled funds are cut off (HH:MM in its zone) and paid (that many days later). */
export async function setPayoutSchedule(stores: ProvisioningStores, merchantId: string, schedule: PayoutSchedule): Promise<void> {
  await stores.registry.execute(new SetPayoutScheduleCommand(merchantId, schedule));
}

/**
 * A payout run now, off the merchant's schedule (its value date as the schedule's delay gives): what the merchant's
 * terminals settled since the last run. Returns the payouts it scheduled (none when nothing was due).
 */
export async function runPayoutsNow(stores: ProvisioningStores, merchantId: string): Promise<readonly Record<string, unknown>[]> {
  await stores.registry.view.refresh();
  const merchant = await stores.registry.view.merchant(merchantId);
  if (!merchant) throw new UnknownMerchantError(merchantId);
  const cutoffAt = new Date().toISOString();
  await executeOnLedger(stores, new RunPayoutsCommand(merchantId, cutoffAt, valueDateOf(cutoffAt, merchant.timeZone, stores.registry.view.payoutScheduleOf(merchantId).delayDays)));
  const events = await stores.eventStore.readStream(payoutStream(merchantId));
  return events.filter((event) => event.type === 'PayoutScheduled' && event.data.cutoffAt === cutoffAt).map(({ data: { lines: _lines, ...payout } }) => payout);
}

/** The bank confirmed the payout reached the merchant's account. */
export function confirmPayout(stores: ProvisioningStores, merchantId: string, payoutId: string, bankReference: string): Promise<void> {
  return executeOnLedger(stores, new ConfirmPayoutCommand(merchantId, payoutId, bankReference));
}

/** The bank returned the payout: its funds are available again and go with the next one. */
export function failPayout(stores: ProvisioningStores, merchantId: string, payoutId: string, reason: string): Promise<void> {
  return executeOnLedger(stores, new FailPayoutCommand(merchantId, payoutId, reason));
}
