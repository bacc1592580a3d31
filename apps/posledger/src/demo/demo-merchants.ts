import type { MerchantInput } from '../platform/provisioning';

export const DEMO_MERCHANTS: readonly MerchantInput[] = [
  { merchantId: 'demo-shanghai', name: '上海示范便利店 (demo)', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  { merchantId: 'demo-london', name: 'London demo café', timeZone: 'Europe/London', currency: 'GBP' },
];

export const DEMO_TERMINALS_PER_MERCHANT = 3;
/** Demo traffic over all terminals, well under what the platform takes, so a laptop stays responsive. */
export const DEMO_EVENTS_PER_SECOND = 400;
/**
 * Each round ends with every terminal closing its batch, so settlements and fees show; the first is short so that
 * the first figures (checked against the simulator's books) come within seconds of start.
 */
export const DEMO_ROUND_SECONDS = (round: number): number => (round === 1 ? 10 : 45);
export const DEMO_PROGRESS_EVERY_MS = 5_000;
