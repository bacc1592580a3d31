import { fromClickHouseDateTime, type ReadStore } from '@posledger/read-store';
import { moneyJson, type BroughtForward, type MoneyJson, type PayoutLine, type PayoutStatus } from '@posledger/domain';

/** A ledger event's share of a payout: what it changed in the merchant's settled funds and fees. */
export interface PayoutLineItem {
  readonly position: string;
  readonly terminalId: string;
  readonly eventType: string;
  readonly reference: string;
  readonly settled: MoneyJson;
  readonly fees: MoneyJson;
}

export interface Payout {
  readonly id: string;
  readonly currency: string;
  /** settled - fees. */
  readonly amount: MoneyJson;
  readonly settled: MoneyJson;
  readonly fees: MoneyJson;
  /** YYYY-MM-DD, the merchant's calendar. */
  readonly valueDate: string;
  readonly cutoffAt: string;
  readonly status: PayoutStatus;
  readonly lines: PayoutLineItem[];
  /** Funds of earlier runs (not paid, or returned by a failed payout) this payout pays too. */
  readonly broughtForward: { readonly settled: MoneyJson; readonly fees: MoneyJson } | null;
  readonly bankReference: string | null;
  readonly paidAt: string | null;
  readonly failedAt: string | null;
  readonly failureReason: string | null;
}

interface PayoutRowRead {
  payout_id: string;
  current_status: PayoutStatus;
  payout_currency: string;
  scheduled_amount: string;
  scheduled_settled: string;
  scheduled_fees: string;
  payout_value_date: string;
  payout_cutoff_at: string;
  payout_lines: string;
  paid_reference: string;
  paid_at: string;
  paid: string;
  failure_reason: string;
  failed_at: string;
  failed: string;
}

/** The merchant's payouts whose value date is in [fromDate, toDate) (YYYY-MM-DD), by value date then id, each as it stands now. */
export async function queryPayouts(store: ReadStore, { merchantId, fromDate, toDate }: { merchantId: string; fromDate: string; toDate: string }): Promise<Payout[]> {
  const rows = await store.select<PayoutRowRead>(
    `SELECT payout_id, toString(argMax(status, position)) AS current_status, toString(any(currency)) AS payout_currency,
        toString(anyIf(amount, status = 'IN_TRANSIT')) AS scheduled_amount, toString(anyIf(settled, status = 'IN_TRANSIT')) AS scheduled_settled,
        toString(anyIf(fees, status = 'IN_TRANSIT')) AS scheduled_fees, anyIf(value_date, status = 'IN_TRANSIT') AS payout_value_date,
        anyIf(cutoff_at, status = 'IN_TRANSIT') AS payout_cutoff_at, anyIf(lines, status = 'IN_TRANSIT') AS payout_lines,
        anyIf(bank_reference, status = 'PAID') AS paid_reference, maxIf(at, status = 'PAID') AS paid_at, toString(countIf(status = 'PAID')) AS paid,
        anyIf(reason, status = 'FAILED') AS failure_reason, maxIf(at, status = 'FAILED') AS failed_at, toString(countIf(status = 'FAILED')) AS failed
     FROM payouts
     WHERE merchant_id = {merchantId:String}
     GROUP BY payout_id
     HAVING payout_value_date >= {fromDate:String} AND payout_value_date < {toDate:String}
     ORDER BY payout_value_date, payout_id`,
    { merchantId, fromDate, toDate },
  );
  return rows.map((row) => {
    const money = (minor: string) => moneyJson(minor, row.payout_currency);
    const { lines, broughtForward } = JSON.parse(row.payout_lines) as { lines: PayoutLine[]; broughtForward?: BroughtForward };
    const paid = row.paid !== '0';
    const failed = row.failed !== '0';
    return {
      id: row.payout_id,
      currency: row.payout_currency,
      amount: money(row.scheduled_amount),
      settled: money(row.scheduled_settled),
      fees: money(row.scheduled_fees),
      valueDate: row.payout_value_date,
      cutoffAt: fromClickHouseDateTime(row.payout_cutoff_at),
      status: row.current_status,
      lines: lines.map((line) => ({ ...line, settled: money(line.settled), fees: money(line.fees) })),
      broughtForward: broughtForward ? { settled: money(broughtForward.settled), fees: money(broughtForward.fees) } : null,
      bankReference: paid ? row.paid_reference : null,
      paidAt: paid ? fromClickHouseDateTime(row.paid_at) : null,
      failedAt: failed ? fromClickHouseDateTime(row.failed_at) : null,
      failureReason: failed ? row.failure_reason : null,
    };
  });
}
