import { TerminalEventOf } from '../../terminal-events/terminal-event';
import { withCause } from '../with-cause';
import { basisPointsOf } from '../../values/basis-points';
import { reconcile } from '../../settlement/reconcile';
import { terminalTotalsOf, totalsOf } from '../../settlement/totals';
import { capturedAmount } from '../captured-amount';
import { SettledSale } from '../ledger-events';
import { saleOf } from '../terminal-ledger.state';
import { accept, reject, Rule } from './verdict';

function feesPerCurrency(sales: readonly SettledSale[]): { currency: string; minor: string }[] {
  const byCurrency = new Map<string, bigint>();
  for (const sale of sales) byCurrency.set(sale.fee.currency, (byCurrency.get(sale.fee.currency) ?? 0n) + BigInt(sale.fee.minor));
  return [...byCurrency.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, minor]) => ({ currency, minor: minor.toString() }));
}

/** Closing a batch settles its approved, not voided sales and reconciles them with the terminal's own totals. */
export const closeBatch: Rule<TerminalEventOf<'settlement.closed'>> = (event, state, { cause, feeSchedule }) => {
  const { batchNumber, totals } = event.payload;
  if (batchNumber <= state.lastClosedBatchNumber) {
    return reject('BATCH_ALREADY_CLOSED', `batch ${batchNumber} is not after the last closed batch ${state.lastClosedBatchNumber}`);
  }
  const sales: SettledSale[] = state.openBatch.flatMap((transactionId) => {
    const sale = saleOf(state, transactionId);
    if (sale?.status !== 'APPROVED' || !sale.amount || !sale.method || sale.method === 'CASH' || !sale.scheme || !sale.approvedAt) return [];
    const captured = capturedAmount({ amount: sale.amount, tip: sale.tip });
    const fee = basisPointsOf(BigInt(captured.minor), feeSchedule[sale.method]);
    return [{
      transactionId,
      method: sale.method,
      scheme: sale.scheme,
      amount: sale.amount,
      ...(sale.tip !== undefined ? { tip: sale.tip } : {}),
      fee: { currency: sale.amount.currency, minor: fee.toString() },
      occurredAt: sale.approvedAt,
    }];
  });
  const terminalTotals = terminalTotalsOf(totals);
  // A terminal's totals count what each sale captured, tip included.
  const ledgerTotals = totalsOf(sales.map((sale) => ({ method: sale.method, amount: capturedAmount(sale) })));
  const { status, differences } = reconcile(terminalTotals, ledgerTotals);
  const sequenceGaps = state.batchGaps;
  return accept({
    type: 'BatchClosed',
    data: withCause(cause, {
      batchNumber,
      closedAt: event.occurredAt,
      terminalTotals,
      ledgerTotals,
      // Events of a skipped gap may hold sales the ledger never saw: a batch over a gap cannot be MATCHED.
      status: sequenceGaps.length > 0 ? 'MISMATCH' : status,
      differences,
      ...(sequenceGaps.length > 0 ? { sequenceGaps: [...sequenceGaps] } : {}),
      sales,
      fees: feesPerCurrency(sales),
    }),
  });
};
