import type { ReadStore } from '@posledger/read-store';
import { money } from '../graphql/money.type';
import { SalesGrouping, type SalesBucket } from './sales-summary.types';

// Fixed expressions chosen by the enum; every user value is a bound parameter.
const KEY_EXPRESSION: Record<SalesGrouping, string> = {
  [SalesGrouping.DAY]: 'toString(toDate(occurred_at, {timeZone:String}))',
  [SalesGrouping.HOUR]: "formatDateTime(occurred_at, '%Y-%m-%dT%H', {timeZone:String})",
  [SalesGrouping.PAYMENT_METHOD]: 'toString(method)',
  [SalesGrouping.TERMINAL]: 'terminal_id',
  [SalesGrouping.CARD_SCHEME]: 'toString(scheme)',
};

interface BucketRow {
  key: string;
  currency: string;
  count: string;
  gross: string;
  refunds: string;
  voids: string;
  fees: string;
}

export interface SalesSummaryInput {
  readonly merchantId: string;
  readonly from: string;
  readonly to: string;
  readonly groupBy: SalesGrouping;
  readonly timeZone: string;
  /** Only what the platform had recorded before this instant (ClickHouse DateTime64 text). */
  readonly recordedBefore?: string;
}

export async function querySalesSummary(store: ReadStore, input: SalesSummaryInput): Promise<SalesBucket[]> {
  const rows = await store.select<BucketRow>(
    `SELECT ${KEY_EXPRESSION[input.groupBy]} AS key, toString(currency) AS currency,
        toString(sum(sale_count)) AS count,
        toString(sumIf(toInt128(amount), kind = 'SALE') - sumIf(toInt128(amount), kind = 'VOID')) AS gross,
        toString(sumIf(toInt128(amount), kind = 'REFUND')) AS refunds,
        toString(sumIf(toInt128(amount), kind = 'VOID')) AS voids,
        toString(sumIf(toInt128(amount), kind = 'FEE')) AS fees
     FROM sales_facts
     WHERE merchant_id = {merchantId:String} AND occurred_at >= {from:DateTime64(3, 'UTC')} AND occurred_at < {to:DateTime64(3, 'UTC')}
       ${input.recordedBefore ? "AND recorded_at < {recordedBefore:DateTime64(3, 'UTC')}" : ''}
     GROUP BY key, currency ORDER BY key, currency`,
    { merchantId: input.merchantId, from: input.from, to: input.to, timeZone: input.timeZone, ...(input.recordedBefore ? { recordedBefore: input.recordedBefore } : {}) },
  );
  return rows.map((row) => {
    const gross = BigInt(row.gross);
    const refunds = BigInt(row.refunds);
    const fees = BigInt(row.fees);
    return {
      key: row.key,
      count: Number(row.count),
      gross: money(row.currency, gross),
      refunds: money(row.currency, refunds),
      voids: money(row.currency, row.voids),
      fees: money(row.currency, fees),
      net: money(row.currency, gross - refunds - fees),
    };
  });
}
