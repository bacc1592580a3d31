import { fromClickHouseDateTime, toClickHouseDateTime, type ReadStore } from '@posledger/read-store';
import { moneyJson, type MoneyJson } from '@posledger/domain';

/** Bucket keys: DAY 2026-11-23 and HOUR 2026-11-23T14 in the merchant's time zone; ALIPAY; t-1; VISA (NONE for QR). */
export type SalesGrouping = 'DAY' | 'HOUR' | 'PAYMENT_METHOD' | 'TERMINAL' | 'CARD_SCHEME';

/**
 * One bucket per key (and splitKey, when split) and currency; count and gross: approved sales not voided; tips:
 * their tips, apart; offlineDeclined: offline sales the host declined (the merchant's loss); fees: charged at
 * settlement, less what refunds gave back, plus the acquirer's fee on each chargeback lost; disputes: chargebacks lost;
 * net = gross + tips - refunds - fees - offlineDeclined - disputes.
 */
export interface SalesBucket {
  readonly key: string;
  /** The key of the second grouping (`splitBy`); undefined when the summary is not split. */
  readonly splitKey?: string;
  readonly count: number;
  readonly gross: MoneyJson;
  readonly tips: MoneyJson;
  readonly refunds: MoneyJson;
  readonly voids: MoneyJson;
  readonly fees: MoneyJson;
  readonly offlineDeclined: MoneyJson;
  readonly disputes: MoneyJson;
  readonly net: MoneyJson;
}

// Fixed expressions chosen by the enum, over a time expression; every user value is a bound parameter.
const KEY_EXPRESSION: Record<SalesGrouping, (time: string) => string> = {
  DAY: (time) => `toString(toDate(${time}, {timeZone:String}))`,
  HOUR: (time) => `formatDateTime(${time}, '%Y-%m-%dT%H', {timeZone:String})`,
  PAYMENT_METHOD: () => 'toString(method)',
  TERMINAL: () => 'terminal_id',
  CARD_SCHEME: () => 'toString(scheme)',
};

/** The quarter hour (UTC) a fact falls in: the key of the sales_facts projections (migration 218). */
const QUARTER_HOUR = 'toStartOfFifteenMinutes(occurred_at)';
const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** The last millisecond of the fact's quarter hour. */
const QUARTER_HOUR_END = `addMilliseconds(${QUARTER_HOUR}, ${QUARTER_HOUR_MS - 1})`;

/** A total per bucket, currency and kind of fact: summed apart so that the totals projections can answer. */
interface KindRow {
  key: string;
  split_key: string;
  currency: string;
  kind: string;
  amount: string;
  sales: string;
  /** 1 when a quarter hour read whole spans two buckets: a zone's offset that is not a whole quarter hour. */
  straddles: number;
}

export interface SalesSummaryInput {
  readonly merchantId: string;
  readonly from: string;
  readonly to: string;
  readonly groupBy: SalesGrouping;
  /** A second grouping within each key, e.g. DAY split by PAYMENT_METHOD for a stacked chart. */
  readonly splitBy?: SalesGrouping;
  readonly timeZone: string;
  /** Only what the platform had recorded before this instant (ClickHouse DateTime64 text). */
  readonly recordedBefore?: string;
  /** Only this terminal's sales. */
  readonly terminalId?: string;
}

const clickHouseMs = (text: string): number => Date.parse(fromClickHouseDateTime(text));
const clickHouseText = (ms: number): string => toClickHouseDateTime(new Date(ms).toISOString());

/** The whole quarter hours [wholeFrom, wholeTo) of a period (none when equal); the rest of the period is its edges. */
export interface QuarterHourCut {
  readonly wholeFrom: string;
  readonly wholeTo: string;
}

function wholeQuarterHours(from: string, to: string): QuarterHourCut {
  const first = Math.ceil(clickHouseMs(from) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const end = Math.floor(clickHouseMs(to) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  return first < end ? { wholeFrom: clickHouseText(first), wholeTo: clickHouseText(end) } : { wholeFrom: from, wholeTo: from };
}

/** ClickHouse's DateTime64 text orders as its instants do (fixed width, years 1900-2299). */
const hasEdges = (input: SalesSummaryInput, cut: QuarterHourCut): boolean => input.from < cut.wholeFrom || cut.wholeTo < input.to;

/**
 * The totals per bucket, currency and kind: the whole quarter hours of the period from their totals (ClickHouse reads
 * a projection instead of every fact when one holds the dimensions asked), the edges from the facts.
 */
export function salesSummarySql(input: SalesSummaryInput, cut: QuarterHourCut): string {
  const key = KEY_EXPRESSION[input.groupBy];
  const split = (time: string): string => (input.splitBy ? KEY_EXPRESSION[input.splitBy](time) : "''");
  const filters = `merchant_id = {merchantId:String}
       ${input.recordedBefore ? "AND recorded_at < {recordedBefore:DateTime64(3, 'UTC')}" : ''}
       ${input.terminalId !== undefined ? 'AND terminal_id = {terminalId:String}' : ''}`;
  const totals = "toString(currency) AS currency, toString(kind) AS kind, sum(toInt128(amount)) AS amount, sum(sale_count) AS sales";
  const wholeQuarters = `SELECT ${key(QUARTER_HOUR)} AS key, ${split(QUARTER_HOUR)} AS split_key, ${totals},
         ${key(QUARTER_HOUR)} != ${key(QUARTER_HOUR_END)} OR ${split(QUARTER_HOUR)} != ${split(QUARTER_HOUR_END)} AS straddles
       FROM sales_facts
       WHERE ${filters} AND ${QUARTER_HOUR} >= {wholeFrom:DateTime64(3, 'UTC')} AND ${QUARTER_HOUR} < {wholeTo:DateTime64(3, 'UTC')}
       GROUP BY key, split_key, currency, kind, straddles`;
  const edges = `SELECT ${key('occurred_at')} AS key, ${split('occurred_at')} AS split_key, ${totals}, false AS straddles
       FROM sales_facts
       WHERE ${filters} AND ((occurred_at >= {from:DateTime64(3, 'UTC')} AND occurred_at < {wholeFrom:DateTime64(3, 'UTC')})
         OR (occurred_at >= {wholeTo:DateTime64(3, 'UTC')} AND occurred_at < {to:DateTime64(3, 'UTC')}))
       GROUP BY key, split_key, currency, kind`;
  // Each part only when the period has it: an empty range still costs ClickHouse a look at every part.
  const parts = [...(cut.wholeFrom < cut.wholeTo ? [wholeQuarters] : []), ...(hasEdges(input, cut) ? [edges] : [])];
  return `SELECT key, split_key, currency, kind, toString(sum(amount)) AS amount, toString(sum(sales)) AS sales, max(straddles) AS straddles
     FROM (${parts.join(' UNION ALL ')})
     GROUP BY key, split_key, currency, kind ORDER BY key, split_key, currency, kind`;
}

async function kindRows(store: ReadStore, input: SalesSummaryInput, cut: QuarterHourCut): Promise<KindRow[]> {
  if (cut.wholeFrom === cut.wholeTo && !hasEdges(input, cut)) return [];
  return store.select<KindRow>(salesSummarySql(input, cut), {
    merchantId: input.merchantId, from: input.from, to: input.to, ...cut, timeZone: input.timeZone,
    ...(input.recordedBefore ? { recordedBefore: input.recordedBefore } : {}),
    ...(input.terminalId !== undefined ? { terminalId: input.terminalId } : {}),
  });
}

/** Sums of the kinds of one bucket and currency, as signed minor units. */
function bucketOf(input: SalesSummaryInput, rows: readonly KindRow[]): SalesBucket {
  const { key, split_key: splitKey, currency } = rows[0];
  const total = (...kinds: string[]): bigint => rows.filter((row) => kinds.includes(row.kind)).reduce((sum, row) => sum + BigInt(row.amount), 0n);
  const count = rows.filter((row) => row.kind !== 'OFFLINE_DECLINED').reduce((sum, row) => sum + Number(row.sales), 0);
  const voids = total('VOID');
  const gross = total('SALE') - voids;
  const tips = total('TIP') - total('VOID_TIP');
  const refunds = total('REFUND');
  const fees = total('FEE', 'DISPUTE_FEE') - total('FEE_RETURN');
  const offlineDeclined = total('OFFLINE_DECLINED');
  const disputes = total('DISPUTE_LOST');
  return {
    key,
    ...(input.splitBy ? { splitKey } : {}),
    count,
    gross: moneyJson(gross, currency),
    tips: moneyJson(tips, currency),
    refunds: moneyJson(refunds, currency),
    voids: moneyJson(voids, currency),
    fees: moneyJson(fees, currency),
    offlineDeclined: moneyJson(offlineDeclined, currency),
    disputes: moneyJson(disputes, currency),
    net: moneyJson(gross + tips - refunds - fees - offlineDeclined - disputes, currency),
  };
}

export async function querySalesSummary(store: ReadStore, input: SalesSummaryInput): Promise<SalesBucket[]> {
  let rows = await kindRows(store, input, wholeQuarterHours(input.from, input.to));
  // A zone whose offset is not a whole quarter hour (before the 1980s in a few): every fact is read.
  if (rows.some((row) => Number(row.straddles) === 1)) rows = await kindRows(store, input, { wholeFrom: input.from, wholeTo: input.from });
  const buckets: SalesBucket[] = [];
  for (let start = 0, end = 1; start < rows.length; start = end++) {
    const same = (row: KindRow): boolean => row.key === rows[start].key && row.split_key === rows[start].split_key && row.currency === rows[start].currency;
    while (end < rows.length && same(rows[end])) end++;
    buckets.push(bucketOf(input, rows.slice(start, end)));
  }
  return buckets;
}
