import type { ReadStore } from '@posledger/read-store';
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

// Fixed expressions chosen by the enum; every user value is a bound parameter.
const KEY_EXPRESSION: Record<SalesGrouping, string> = {
  DAY: 'toString(toDate(occurred_at, {timeZone:String}))',
  HOUR: "formatDateTime(occurred_at, '%Y-%m-%dT%H', {timeZone:String})",
  PAYMENT_METHOD: 'toString(method)',
  TERMINAL: 'terminal_id',
  CARD_SCHEME: 'toString(scheme)',
};

interface BucketRow {
  key: string;
  split_key: string;
  currency: string;
  count: string;
  gross: string;
  tips: string;
  refunds: string;
  voids: string;
  fees: string;
  offline_declined: string;
  disputes: string;
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

export async function querySalesSummary(store: ReadStore, input: SalesSummaryInput): Promise<SalesBucket[]> {
  const rows = await store.select<BucketRow>(
    `SELECT ${KEY_EXPRESSION[input.groupBy]} AS key, ${input.splitBy ? KEY_EXPRESSION[input.splitBy] : "''"} AS split_key, toString(currency) AS currency,
        toString(sumIf(sale_count, kind != 'OFFLINE_DECLINED')) AS count,
        toString(sumIf(toInt128(amount), kind = 'SALE') - sumIf(toInt128(amount), kind = 'VOID')) AS gross,
        toString(sumIf(toInt128(amount), kind = 'TIP') - sumIf(toInt128(amount), kind = 'VOID_TIP')) AS tips,
        toString(sumIf(toInt128(amount), kind = 'REFUND')) AS refunds,
        toString(sumIf(toInt128(amount), kind = 'VOID')) AS voids,
        toString(sumIf(toInt128(amount), kind IN ('FEE', 'DISPUTE_FEE')) - sumIf(toInt128(amount), kind = 'FEE_RETURN')) AS fees,
        toString(sumIf(toInt128(amount), kind = 'OFFLINE_DECLINED')) AS offline_declined,
        toString(sumIf(toInt128(amount), kind = 'DISPUTE_LOST')) AS disputes
     FROM sales_facts
     WHERE merchant_id = {merchantId:String} AND occurred_at >= {from:DateTime64(3, 'UTC')} AND occurred_at < {to:DateTime64(3, 'UTC')}
       ${input.recordedBefore ? "AND recorded_at < {recordedBefore:DateTime64(3, 'UTC')}" : ''}
       ${input.terminalId !== undefined ? 'AND terminal_id = {terminalId:String}' : ''}
     GROUP BY key, split_key, currency ORDER BY key, split_key, currency`,
    {
      merchantId: input.merchantId, from: input.from, to: input.to, timeZone: input.timeZone,
      ...(input.recordedBefore ? { recordedBefore: input.recordedBefore } : {}),
      ...(input.terminalId !== undefined ? { terminalId: input.terminalId } : {}),
    },
  );
  return rows.map((row) => {
    const gross = BigInt(row.gross);
    const tips = BigInt(row.tips);
    const refunds = BigInt(row.refunds);
    const fees = BigInt(row.fees);
    const offlineDeclined = BigInt(row.offline_declined);
    const disputes = BigInt(row.disputes);
    return {
      key: row.key,
      ...(input.splitBy ? { splitKey: row.split_key } : {}),
      count: Number(row.count),
      gross: moneyJson(gross, row.currency),
      tips: moneyJson(tips, row.currency),
      refunds: moneyJson(refunds, row.currency),
      voids: moneyJson(row.voids, row.currency),
      fees: moneyJson(fees, row.currency),
      offlineDeclined: moneyJson(offlineDeclined, row.currency),
      disputes: moneyJson(disputes, row.currency),
      net: moneyJson(gross + tips - refunds - fees - offlineDeclined - disputes, row.currency),
    };
  });
}
