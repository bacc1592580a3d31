import type { ReadStore } from '@posledger/read-store';
import { moneyJson, type MoneyJson } from '@posledger/domain';

/**
 * pending: captured sales in open batches; settled: settled sales less refunds, what disputes hold or took back and
 * what payouts took; fees: charged at settlement, less those payouts deducted; available = settled - fees: what is
 * neither paid out, in transit nor held; held: what open disputes hold out of settled; inTransit: payouts scheduled
 * and not yet paid; paidOut: payouts the bank confirmed. paidOut + inTransit + available + held = the merchant's net
 * takings (settled sales less refunds, lost disputes and fees). cash: cash sales less voids and refunds, kept by the
 * merchant and never in any of them.
 */
export interface Balance {
  readonly currency: string;
  readonly pending: MoneyJson;
  readonly settled: MoneyJson;
  readonly fees: MoneyJson;
  readonly available: MoneyJson;
  readonly held: MoneyJson;
  readonly inTransit: MoneyJson;
  readonly paidOut: MoneyJson;
  readonly cash: MoneyJson;
}

interface BalanceRow {
  currency: string;
  pending: string;
  settled: string;
  fees: string;
  held: string;
  in_transit: string;
  paid_out: string;
  cash: string;
}

/** Sums of the merchant's postings; with recordedBefore, only postings of events the platform recorded before it. */
export async function queryBalances(store: ReadStore, merchantId: string, recordedBefore?: string): Promise<Balance[]> {
  const rows = await store.select<BalanceRow>(
    `SELECT toString(currency) AS currency,
        toString(sumIf(toInt128(credit) - debit, account = 'merchant:pending')) AS pending,
        toString(sumIf(toInt128(credit) - debit, account = 'merchant:settled')) AS settled,
        toString(sumIf(toInt128(debit) - credit, account = 'merchant:fees')) AS fees,
        toString(sumIf(toInt128(credit) - debit, account = 'merchant:disputed')) AS held,
        toString(sumIf(toInt128(credit) - debit, account = 'merchant:in-transit')) AS in_transit,
        toString(sumIf(toInt128(debit), account = 'merchant:in-transit' AND event_type = 'PayoutPaid')) AS paid_out,
        toString(sumIf(toInt128(credit) - debit, account = 'merchant:cash-sales')) AS cash
     FROM postings
     WHERE merchant_id = {merchantId:String} ${recordedBefore ? "AND recorded_at < {at:DateTime64(3, 'UTC')}" : ''}
     GROUP BY currency ORDER BY currency`,
    { merchantId, ...(recordedBefore ? { at: recordedBefore } : {}) },
  );
  return rows.map((row) => {
    const settled = BigInt(row.settled);
    const fees = BigInt(row.fees);
    return {
      currency: row.currency,
      pending: moneyJson(row.pending, row.currency),
      settled: moneyJson(settled, row.currency),
      fees: moneyJson(fees, row.currency),
      available: moneyJson(settled - fees, row.currency),
      held: moneyJson(row.held, row.currency),
      inTransit: moneyJson(row.in_transit, row.currency),
      paidOut: moneyJson(row.paid_out, row.currency),
      cash: moneyJson(row.cash, row.currency),
    };
  });
}
