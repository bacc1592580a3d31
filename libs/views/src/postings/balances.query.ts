import type { ReadStore } from '@posledger/read-store';
import { moneyJson, type MoneyJson } from '@posledger/domain';

/**
 * pending: captured sales in open batches; settled: settled sales less refunds and what disputes hold or took back;
 * fees: charged (at settlement, for lost chargebacks) less those refunds returned; held: what open disputes hold out
 * of settled; inTransit: payouts scheduled and not yet paid; paidOut: payouts the bank confirmed; available = settled
 * - fees - inTransit - paidOut: what is neither paid out, on its way nor held. paidOut + inTransit + available + held =
 * the merchant's net takings. settled and fees keep their meaning once payouts exist (a payout's postings move funds
 * out of both; they are left out of those two sums). cash: cash sales less voids and refunds, kept by the merchant
 * and never in any of them.
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
  settled_now: string;
  fees_now: string;
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
        toString(sumIf(toInt128(credit) - debit, account = 'merchant:settled')) AS settled_now,
        toString(sumIf(toInt128(debit) - credit, account = 'merchant:fees')) AS fees_now,
        toString(sumIf(toInt128(credit) - debit, account = 'merchant:settled' AND event_type NOT IN ('PayoutScheduled', 'PayoutFailed'))) AS settled,
        toString(sumIf(toInt128(debit) - credit, account = 'merchant:fees' AND event_type NOT IN ('PayoutScheduled', 'PayoutFailed'))) AS fees,
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
    return {
      currency: row.currency,
      pending: moneyJson(row.pending, row.currency),
      settled: moneyJson(row.settled, row.currency),
      fees: moneyJson(row.fees, row.currency),
      available: moneyJson(BigInt(row.settled_now) - BigInt(row.fees_now), row.currency),
      held: moneyJson(row.held, row.currency),
      inTransit: moneyJson(row.in_transit, row.currency),
      paidOut: moneyJson(row.paid_out, row.currency),
      cash: moneyJson(row.cash, row.currency),
    };
  });
}
