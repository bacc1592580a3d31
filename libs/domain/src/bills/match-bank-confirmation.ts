import { PayoutsState } from '../payouts/payouts.decider';
import { Bill, BillLine } from './bill';
import { BillAction } from './bill-events';
import { BillMatch, UnnumberedDiscrepancy } from './match-bill';

/**
 * Matches each line of the bank's confirmation to the merchant's payout by its id: a credit of a payout in transit
 * confirms it, a return fails it (its funds go with the next payout); one the ledger already has so is matched. An
 * unknown payout, another amount, or the bank saying the opposite of what the ledger holds is a discrepancy.
 */
export function matchBankConfirmations(bill: Bill, payouts: PayoutsState['payouts']): BillMatch {
  const discrepancies: UnnumberedDiscrepancy[] = [];
  const actions: BillAction[] = [];
  let matched = 0;
  for (const line of bill.lines) {
    const payoutId = line.merchantReference;
    const payout = payouts[payoutId];
    const billSide = { tradeKind: line.kind, reference: line.reference, lineNumber: line.lineNumber, billAmount: line.amount };
    if (!payout) {
      discrepancies.push({ kind: 'MISSING_IN_LEDGER', ...billSide });
      continue;
    }
    const ledgerSide = { transactionId: payoutId, ledgerAmount: { currency: payout.currency, minor: payout.amount.toString() } };
    if (payout.currency !== line.amount.currency || payout.amount !== BigInt(line.amount.minor)) {
      discrepancies.push({ kind: 'AMOUNT_DIFFERS', ...billSide, ...ledgerSide });
      continue;
    }
    const action = actionOf(line, payoutId, payout.status);
    if (action === 'DIFFERS') discrepancies.push({ kind: 'STATUS_DIFFERS', ...billSide, ...ledgerSide });
    else {
      if (action) actions.push(action);
      matched += 1;
    }
  }
  return { matched, discrepancies, threeWay: [], actions };
}

function actionOf(line: BillLine, payoutId: string, status: string): BillAction | undefined | 'DIFFERS' {
  const credited = line.kind === 'PAYOUT_PAID';
  if (status === 'IN_TRANSIT') {
    return credited
      ? { type: 'ConfirmPayout', lineNumber: line.lineNumber, payoutId, bankReference: line.reference }
      : { type: 'FailPayout', lineNumber: line.lineNumber, payoutId, reason: line.reason ?? 'returned by the bank' };
  }
  return (credited ? status === 'PAID' : status === 'FAILED') ? undefined : 'DIFFERS';
}
