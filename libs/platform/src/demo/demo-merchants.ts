import { currencyExponent } from '@posledger/domain';
import type { MerchantInput } from '../platform/provisioning';

export const DEMO_MERCHANTS: readonly MerchantInput[] = [
  { merchantId: 'demo-shanghai', name: '上海示范便利店 (demo)', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  { merchantId: 'demo-london', name: 'London demo café', timeZone: 'Europe/London', currency: 'GBP' },
];

export const DEMO_TERMINALS_PER_MERCHANT = 3;

/** Each demo merchant's cashiers, one per terminal (its operator directory then admits only them). */
const DEMO_CASHIER_NAMES: Readonly<Record<string, readonly string[]>> = {
  'demo-shanghai': ['收银员一', '收银员二', '收银员三'],
  'demo-london': ['Alice (till 1)', 'Ben (till 2)', 'Chloe (till 3)'],
};

/** The cashier who works the merchant's k-th terminal (k from 1). */
export function demoCashier(merchantId: string, k: number): { operatorId: string; name: string } {
  return { operatorId: `cashier-${k}`, name: DEMO_CASHIER_NAMES[merchantId]?.[k - 1] ?? `Cashier ${k}` };
}

/** Each demo merchant's terminals approve card sales offline up to 500.00 of its currency, so outages show offline sales. */
export function demoOfflineLimitMinor(currency: string): bigint {
  return 500n * 10n ** BigInt(currencyExponent(currency) ?? 0);
}

/** The demo plays outages (offline sales) and deposits (holds), which the simulator leaves off by default. */
export const DEMO_RATES = { outage: 0.01, preAuthorization: 0.03 } as const;

/** Demo traffic over all terminals, well under what the platform takes, so a laptop stays responsive. */
export const DEMO_EVENTS_PER_SECOND = 400;
/**
 * Each round ends with every terminal closing its batch, so settlements and fees show. The first is a short
 * backfill on the simulated clock (days pass in seconds, from three days ago), so that several days, daily
 * settlements and next-day refunds are there within seconds of start; later rounds stream on the live clock.
 */
export interface DemoRound {
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly startAt?: number;
}

export function demoRound(round: number, nowMs: number): DemoRound {
  if (round === 1) return { seconds: 10, eventsPerSecond: 2_000, startAt: nowMs - 3 * 86_400_000 };
  return { seconds: 45, eventsPerSecond: DEMO_EVENTS_PER_SECOND };
}
export const DEMO_PROGRESS_EVERY_MS = 5_000;
