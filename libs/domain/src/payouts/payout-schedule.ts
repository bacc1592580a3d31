import { TZDate } from '@date-fns/tz';

/** When a merchant's settled funds are paid: cut off daily at `cutoff` (HH:MM, the merchant's time), paid `delayDays` later. */
export interface PayoutSchedule {
  readonly delayDays: number;
  readonly cutoff: string;
}

/** T+1, cut off at midnight. */
export const DEFAULT_PAYOUT_SCHEDULE: PayoutSchedule = { delayDays: 1, cutoff: '00:00' };
export const MAX_PAYOUT_DELAY_DAYS = 30;

const CUTOFF = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

export const isPayoutCutoff = (value: unknown): value is string => typeof value === 'string' && CUTOFF.test(value);

const isoDate = (year: number, month: number, day: number): string => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

/** The merchant's calendar date `days` after the date of `instant` in `timeZone`. */
export function valueDateOf(instant: string, timeZone: string, days: number): string {
  const local = new TZDate(new Date(instant).getTime(), timeZone);
  return isoDate(local.getFullYear(), local.getMonth(), local.getDate() + days);
}

/** The latest cut-off instant at or before `now` in the merchant's zone, and the value date of what it cuts off. */
export function dueCutoff(schedule: PayoutSchedule, timeZone: string, now: string): { cutoffAt: string; valueDate: string } {
  const [hours, minutes] = schedule.cutoff.split(':').map(Number);
  const local = new TZDate(new Date(now).getTime(), timeZone);
  let cutoff = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), hours, minutes, 0, timeZone);
  if (cutoff.getTime() > local.getTime()) cutoff = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - 1, hours, minutes, 0, timeZone);
  const cutoffAt = new Date(cutoff.getTime()).toISOString();
  return { cutoffAt, valueDate: valueDateOf(cutoffAt, timeZone, schedule.delayDays) };
}
