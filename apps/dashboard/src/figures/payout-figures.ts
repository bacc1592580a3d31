import type { Payout } from '../api/report-types';

/** Settled funds and fees in minor units of the payout's currency. */
export interface PayoutSums {
  readonly settled: bigint;
  readonly fees: bigint;
}

/** What a payout's lines and the funds it brings forward add up to: its settled and fees, when the ledger is right. */
export function payoutLineTotals(payout: Pick<Payout, 'lines' | 'broughtForward'>): PayoutSums {
  const parts = [...payout.lines, ...(payout.broughtForward ? [payout.broughtForward] : [])];
  return parts.reduce((sum, part) => ({ settled: sum.settled + BigInt(part.settled.minor), fees: sum.fees + BigInt(part.fees.minor) }), { settled: 0n, fees: 0n });
}

/** Do the lines (and what is brought forward) add up to the payout's own settled and fees? */
export function payoutLinesAddUp(payout: Pick<Payout, 'lines' | 'broughtForward' | 'settled' | 'fees'>): boolean {
  const totals = payoutLineTotals(payout);
  return totals.settled === BigInt(payout.settled.minor) && totals.fees === BigInt(payout.fees.minor);
}

/** By value date, newest first; on one date the later id (the later run) first. */
export function newestPayoutsFirst<T extends Pick<Payout, 'valueDate' | 'id'>>(payouts: readonly T[]): T[] {
  return [...payouts].sort((a, b) => (a.valueDate === b.valueDate ? compare(b.id, a.id) : compare(b.valueDate, a.valueDate)));
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A line's reference as the ledger writes it: a batch ("batch 3", put in words by the dashboard) or an id as it is. */
export function lineReference(reference: string): { readonly batch: number } | { readonly id: string } {
  const batch = /^batch (\d+)$/.exec(reference);
  return batch ? { batch: Number(batch[1]) } : { id: reference };
}
