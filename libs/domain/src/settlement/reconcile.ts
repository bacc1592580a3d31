import { ReconciliationStatus, TotalsDifference, TotalsLine } from '../ledger/ledger-events';
import { totalsKey } from './totals';

export interface Reconciliation {
  status: ReconciliationStatus;
  differences: TotalsDifference[];
}

/** Terminal totals against ledger totals: differences are terminal minus ledger, non-zero ones only. */
export function reconcile(terminalTotals: readonly TotalsLine[], ledgerTotals: readonly TotalsLine[]): Reconciliation {
  const ledgerByKey = new Map(ledgerTotals.map((line) => [totalsKey(line.method, line.currency), line]));
  const terminalByKey = new Map(terminalTotals.map((line) => [totalsKey(line.method, line.currency), line]));
  const keys = [...new Set([...terminalByKey.keys(), ...ledgerByKey.keys()])].sort();
  const differences: TotalsDifference[] = [];
  for (const key of keys) {
    const terminal = terminalByKey.get(key);
    const ledger = ledgerByKey.get(key);
    const line = (terminal ?? ledger) as TotalsLine;
    const countDifference = (terminal?.count ?? 0) - (ledger?.count ?? 0);
    const minorDifference = BigInt(terminal?.minor ?? '0') - BigInt(ledger?.minor ?? '0');
    if (countDifference !== 0 || minorDifference !== 0n) {
      differences.push({ method: line.method, currency: line.currency, countDifference, minorDifference: minorDifference.toString() });
    }
  }
  return { status: differences.length === 0 ? 'MATCHED' : 'MISMATCH', differences };
}
