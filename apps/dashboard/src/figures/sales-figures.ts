import type { SalesBucket } from '../api/report-types';

/** The figures of a bucket or of a sum of buckets, in minor units of one currency. */
export interface Figures {
  readonly count: number;
  readonly gross: bigint;
  readonly tips: bigint;
  readonly refunds: bigint;
  readonly voids: bigint;
  readonly fees: bigint;
  /** Offline sales the host declined once forwarded: the merchant's loss, out of net. */
  readonly offlineDeclined: bigint;
  /** Chargebacks lost (the acquirer's fee for each is in fees): out of net. */
  readonly disputes: bigint;
  readonly net: bigint;
}

export const NO_FIGURES: Figures = { count: 0, gross: 0n, tips: 0n, refunds: 0n, voids: 0n, fees: 0n, offlineDeclined: 0n, disputes: 0n, net: 0n };

export type MoneyFigure = 'gross' | 'refunds' | 'voids' | 'fees' | 'net';

/** The payment methods of the terminal protocol, in the order the dashboard shows them; others follow by name. */
export const KNOWN_METHODS = ['DEBIT', 'CREDIT', 'WECHAT_PAY', 'ALIPAY', 'CASH'] as const;

export function figuresOf(bucket: SalesBucket): Figures {
  return {
    count: bucket.count,
    gross: BigInt(bucket.gross.minor),
    tips: BigInt(bucket.tips.minor),
    refunds: BigInt(bucket.refunds.minor),
    voids: BigInt(bucket.voids.minor),
    fees: BigInt(bucket.fees.minor),
    offlineDeclined: BigInt(bucket.offlineDeclined.minor),
    disputes: BigInt(bucket.disputes.minor),
    net: BigInt(bucket.net.minor),
  };
}

export function addFigures(a: Figures, b: Figures): Figures {
  return {
    count: a.count + b.count,
    gross: a.gross + b.gross,
    tips: a.tips + b.tips,
    refunds: a.refunds + b.refunds,
    voids: a.voids + b.voids,
    fees: a.fees + b.fees,
    offlineDeclined: a.offlineDeclined + b.offlineDeclined,
    disputes: a.disputes + b.disputes,
    net: a.net + b.net,
  };
}

/** The buckets of one currency summed by a key of each (its key, its split key, its hour...). */
export function sumBy(buckets: readonly SalesBucket[], currency: string, keyOf: (bucket: SalesBucket) => string): Map<string, Figures> {
  const sums = new Map<string, Figures>();
  for (const bucket of buckets) {
    if (bucket.gross.currency !== currency) continue;
    const key = keyOf(bucket);
    sums.set(key, addFigures(sums.get(key) ?? NO_FIGURES, figuresOf(bucket)));
  }
  return sums;
}

/** All the buckets of one currency summed. */
export function totalOf(buckets: readonly SalesBucket[], currency: string): Figures {
  return sumBy(buckets, currency, () => 'total').get('total') ?? NO_FIGURES;
}

/** The currencies of the buckets, the merchant's first (whether it has buckets or not). */
export function currenciesOf(buckets: readonly SalesBucket[], merchantCurrency: string): string[] {
  const others = [...new Set(buckets.map((b) => b.gross.currency))].filter((c) => c !== merchantCurrency).sort();
  return [merchantCurrency, ...others];
}

/** The known methods in their order, then any other the ledger reports, by name. */
export function methodOrder(methods: Iterable<string>): string[] {
  const seen = new Set(methods);
  const known: string[] = KNOWN_METHODS.filter((method) => seen.has(method));
  return [...known, ...[...seen].filter((method) => !known.includes(method)).sort()];
}

/** One series per method of `figure` over `keys` (days, hours), zero where a key had none. */
export interface StackedSeries {
  readonly methods: readonly string[];
  readonly values: ReadonlyMap<string, readonly bigint[]>;
}

/**
 * Buckets split by payment method, stacked over the keys given (zero-filled); `keyOf` maps a bucket to its key,
 * so that hours of several days add up in their hour of the day.
 */
export function stackedByMethod(buckets: readonly SalesBucket[], currency: string, keys: readonly string[], keyOf: (bucket: SalesBucket) => string, figure: MoneyFigure): StackedSeries {
  const inCurrency = buckets.filter((b) => b.gross.currency === currency);
  const methods = methodOrder(inCurrency.map((b) => b.splitKey ?? ''));
  const sums = sumBy(inCurrency, currency, (b) => `${keyOf(b)} ${b.splitKey ?? ''}`);
  const values = new Map(methods.map((method) => [method, keys.map((key) => (sums.get(`${key} ${method}`) ?? NO_FIGURES)[figure])]));
  return { methods, values };
}

/** A row per key given (zero-filled), in that order, and the row of their totals. */
export function rowsWithTotal(buckets: readonly SalesBucket[], currency: string, keys: readonly string[], keyOf: (bucket: SalesBucket) => string): { rows: { key: string; figures: Figures }[]; total: Figures } {
  const sums = sumBy(buckets, currency, keyOf);
  const rows = keys.map((key) => ({ key, figures: sums.get(key) ?? NO_FIGURES }));
  return { rows, total: rows.reduce((total, row) => addFigures(total, row.figures), NO_FIGURES) };
}

/** Keys by gross, largest first (terminals, card schemes); ties by key. */
export function rankedByGross(buckets: readonly SalesBucket[], currency: string): { key: string; figures: Figures }[] {
  return [...sumBy(buckets, currency, (b) => b.key)]
    .map(([key, figures]) => ({ key, figures }))
    .sort((a, b) => (b.figures.gross > a.figures.gross ? 1 : b.figures.gross < a.figures.gross ? -1 : a.key.localeCompare(b.key)));
}
