import { hasKeyed, type KeyedRecord } from '../ledger/keyed-record';
import { isPayoutCutoff, MAX_PAYOUT_DELAY_DAYS, PayoutSchedule } from '../payouts/payout-schedule';
import { InvalidRegistrationError } from './invalid-registration.error';
import { UnknownMerchantError } from './unknown-merchant.error';

/** When the merchant's settled funds are cut off and paid. */
export type PayoutScheduleSet = Readonly<{ type: 'PayoutScheduleSet'; data: Readonly<{ merchantId: string } & PayoutSchedule> }>;

export function setPayoutSchedule(data: PayoutScheduleSet['data'], merchants: KeyedRecord<unknown>): PayoutScheduleSet {
  const { merchantId, delayDays, cutoff } = data;
  if (!Number.isInteger(delayDays) || delayDays < 0 || delayDays > MAX_PAYOUT_DELAY_DAYS) {
    throw new InvalidRegistrationError(`a payout is paid a whole number of days from 0 to ${MAX_PAYOUT_DELAY_DAYS} after its cut-off, got ${JSON.stringify(delayDays)}`);
  }
  if (!isPayoutCutoff(cutoff)) throw new InvalidRegistrationError(`a cut-off is a time of day HH:MM (00:00 to 23:59), got ${JSON.stringify(cutoff)}`);
  if (!hasKeyed(merchants, merchantId)) throw new UnknownMerchantError(merchantId);
  return { type: 'PayoutScheduleSet', data: { merchantId, delayDays, cutoff } };
}
