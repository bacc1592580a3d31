import type { ReadStore } from '@posledger/read-store';
import { moneyJson, type MoneyJson } from '@posledger/domain';

/**
 * pending: captured sales in open batches; settled: settled sales less refunds; fees: charged at settlement;
 * available = settled - fees; held: what open disputes hold out of settled; cash: cash sales less voids and refunds,
 * kept by the merchant and never in available.
 */
export interface Balance {
  readonly currency: string;
  readonly pending: MoneyJson;
  readonly settled: MoneyJson;
  readonly fees: MoneyJson;
  readonly available: MoneyJson;
  readonly held: MoneyJson;
  readonly cash: MoneyJson;
}

interface BalanceRow {
  currency: string;
  pending: string;
  settled: string;
  fees: string;
  held: string;
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
      cash: moneyJson(row.cash, row.currency),
    };
  });
}
