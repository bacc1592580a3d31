import { moneyJson, type MoneyJson } from '@posledger/domain';
import type { SalesBucket } from '@posledger/views';

const FIGURES = ['gross', 'tips', 'refunds', 'voids', 'fees', 'offlineDeclined', 'disputes', 'net'] as const;

/** The day's buckets (one per method and currency) added up per currency: one bucket each, keyed by its currency. */
export function dayTotals(buckets: readonly SalesBucket[]): SalesBucket[] {
  const byCurrency = new Map<string, { count: number } & Record<(typeof FIGURES)[number], bigint>>();
  for (const bucket of buckets) {
    const currency = bucket.gross.currency;
    const sums = byCurrency.get(currency) ?? { count: 0, gross: 0n, tips: 0n, refunds: 0n, voids: 0n, fees: 0n, offlineDeclined: 0n, disputes: 0n, net: 0n };
    byCurrency.set(currency, {
      count: sums.count + bucket.count,
      ...Object.fromEntries(FIGURES.map((figure) => [figure, sums[figure] + BigInt(bucket[figure].minor)])) as Record<(typeof FIGURES)[number], bigint>,
    });
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, sums]) => ({
      key: currency,
      count: sums.count,
      ...(Object.fromEntries(FIGURES.map((figure) => [figure, moneyJson(sums[figure], currency)])) as Record<(typeof FIGURES)[number], MoneyJson>),
    }));
}
