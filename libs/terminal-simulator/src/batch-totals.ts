// The totals a terminal reports when it closes a batch: what its approved, not voided sales captured (tips
// included), per settled payment method (cash stays in the drawer).
import { ApprovedSale } from './sale-flow';
import { SETTLED_METHODS, SettlementTotalLine } from './terminal-event';

export function settlementTotals(sales: readonly ApprovedSale[], currency: string): SettlementTotalLine[] {
  return SETTLED_METHODS.flatMap((method) => {
    const ofMethod = sales.filter((sale) => sale.method === method);
    if (ofMethod.length === 0) return [];
    const amount = ofMethod.reduce((sum, sale) => sum + sale.amountMinor + sale.tipMinor, 0n);
    return [{ method, count: ofMethod.length, amountMinor: amount.toString(), currency }];
  });
}

/** Terminal totals that lost one sale: what a faulty terminal would report, for MISMATCH demos. */
export function totalsMissingSale(totals: readonly SettlementTotalLine[], missing: ApprovedSale): SettlementTotalLine[] {
  return totals.flatMap((line) => {
    if (line.method !== missing.method) return [line];
    if (line.count === 1) return [];
    return [{ ...line, count: line.count - 1, amountMinor: (BigInt(line.amountMinor) - missing.amountMinor - missing.tipMinor).toString() }];
  });
}
