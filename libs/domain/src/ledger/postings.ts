import { Money, money, MoneyJson } from '../values/money';
import { capturedAmount } from './captured-amount';
import { BatchClosed, LedgerEvent } from './ledger-events';
import { UnbalancedPostingsError } from './unbalanced-postings.error';

/**
 * Card and QR sales are owed by the acquirer until a batch settles them. Cash is the merchant's from the start: a
 * cash sale puts money in the drawer (merchant:cash-drawer, debit-normal) against the merchant's cash takings
 * (merchant:cash-sales, credit-normal), and no batch, fee or payout ever touches either.
 */
export type Account =
  | 'merchant:pending' | 'merchant:settled' | 'merchant:fees' | 'acquirer:receivable' | 'platform:fee-income'
  | 'merchant:cash-drawer' | 'merchant:cash-sales' | 'merchant:disputed' | 'merchant:in-transit';

export interface Posting {
  account: Account;
  side: 'DEBIT' | 'CREDIT';
  amount: Money;
}

const debit = (account: Account, amount: Money): Posting => ({ account, side: 'DEBIT', amount });
const credit = (account: Account, amount: Money): Posting => ({ account, side: 'CREDIT', amount });
const nonZero = (postings: Posting[]): Posting[] => postings.filter((posting) => posting.amount.amountMinor !== 0n);

function sumByCurrency<T>(items: readonly T[], amountOf: (item: T) => MoneyJson): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const item of items) {
    const { currency, minor } = amountOf(item);
    sums.set(currency, (sums.get(currency) ?? 0n) + BigInt(minor));
  }
  return sums;
}

/**
 * A batch close moves each currency's ledger total from pending to settled and charges the fees. Each side is
 * summed from its own source (debits from the totals and fee lines, credits from the settled sales), so that a
 * decider emitting totals or fees that disagree with its sales fails invariant 5 instead of balancing by construction.
 */
function batchClosedPostings(data: BatchClosed['data']): Posting[] {
  const settled = sumByCurrency(data.sales, capturedAmount);
  const feeIncome = sumByCurrency(data.sales, (sale) => sale.fee);
  return [
    ...[...sumByCurrency(data.ledgerTotals, (line) => line)].flatMap(([currency, total]) => nonZero([
      debit('merchant:pending', money(total, currency)),
      credit('merchant:settled', money(settled.get(currency) ?? 0n, currency)),
    ])),
    ...data.fees.flatMap((fee) => nonZero([
      debit('merchant:fees', money(fee.minor, fee.currency)),
      credit('platform:fee-income', money(feeIncome.get(fee.currency) ?? 0n, fee.currency)),
    ])),
  ];
}

/** The double-entry postings of a ledger event; events that move no money have none. */
export function postingsFor(event: LedgerEvent): Posting[] {
  switch (event.type) {
    case 'SaleApproved': {
      const { minor, currency } = capturedAmount(event.data);
      const amount = money(minor, currency);
      return event.data.method === 'CASH'
        ? nonZero([debit('merchant:cash-drawer', amount), credit('merchant:cash-sales', amount)])
        : nonZero([debit('acquirer:receivable', amount), credit('merchant:pending', amount)]);
    }
    case 'SaleVoided': {
      const { minor, currency } = capturedAmount(event.data);
      const amount = money(minor, currency);
      return event.data.method === 'CASH'
        ? nonZero([debit('merchant:cash-sales', amount), credit('merchant:cash-drawer', amount)])
        : nonZero([debit('merchant:pending', amount), credit('acquirer:receivable', amount)]);
    }
    case 'TipAdjusted': {
      const amount = money(event.data.tip.minor, event.data.tip.currency);
      return nonZero([debit('acquirer:receivable', amount), credit('merchant:pending', amount)]);
    }
    case 'OfflineSaleDeclined': {
      // Nothing will be paid for it: the acquirer owes nothing, and the merchant's funds lose what the sale stood for.
      const amount = money(event.data.amount.minor, event.data.amount.currency);
      return nonZero([debit(event.data.settled ? 'merchant:settled' : 'merchant:pending', amount), credit('acquirer:receivable', amount)]);
    }
    case 'RefundApproved': {
      const amount = money(event.data.amount.minor, event.data.amount.currency);
      if (event.data.method === 'CASH') return nonZero([debit('merchant:cash-sales', amount), credit('merchant:cash-drawer', amount)]);
      const { feeReturned } = event.data;
      const fee = feeReturned === undefined ? [] : [debit('platform:fee-income', money(feeReturned.minor, feeReturned.currency)), credit('merchant:fees', money(feeReturned.minor, feeReturned.currency))];
      return nonZero([debit('merchant:settled', amount), credit('acquirer:receivable', amount), ...fee]);
    }
    case 'BatchClosed':
      return batchClosedPostings(event.data);
    case 'DisputeOpened': {
      // Held from the settled funds (merchant:disputed, credit-normal) while the dispute is open.
      const amount = money(event.data.amount.minor, event.data.amount.currency);
      return nonZero([debit('merchant:settled', amount), credit('merchant:disputed', amount)]);
    }
    case 'DisputeResolved': {
      const { amount: held, outcome, fee } = event.data;
      const amount = money(held.minor, held.currency);
      if (outcome === 'WON') return nonZero([debit('merchant:disputed', amount), credit('merchant:settled', amount)]);
      // Lost: the acquirer takes the amount back from what it owes, and its chargeback fee with it.
      const chargebackFee = fee === undefined ? [] : [debit('merchant:fees', money(fee.minor, fee.currency)), credit('acquirer:receivable', money(fee.minor, fee.currency))];
      return nonZero([debit('merchant:disputed', amount), credit('acquirer:receivable', amount), ...chargebackFee]);
    }
    case 'TerminalEventRecorded':
    case 'TerminalEventParked':
    case 'TerminalEventRejected':
    case 'SequenceGapSkipped':
    case 'ParkedEventsReleased':
    case 'OperatorSignedIn':
    case 'OperatorSignedOut':
    case 'SaleDetailsCaptured':
    case 'AuthorizationRequested':
    case 'SaleDeclined':
    case 'PreAuthorizationApproved':
    case 'PreAuthorizationReleased':
    case 'OfflineSaleConfirmed':
    case 'AuthorizationReversed':
    case 'SignatureCaptured':
    case 'ReceiptIssued':
    case 'ShiftOpened':
    case 'ShiftClosed':
    case 'DisputeEvidenceSubmitted':
      return [];
    default: {
      const unknown: never = event;
      throw new Error(`unknown ledger event ${JSON.stringify(unknown)}`);
    }
  }
}

/** Invariant 5: throws UnbalancedPostingsError unless debits equal credits in every currency. */
export function assertBalanced(postings: readonly Posting[]): void {
  const sums = new Map<string, { debits: bigint; credits: bigint }>();
  for (const { side, amount } of postings) {
    const sum = sums.get(amount.currency) ?? { debits: 0n, credits: 0n };
    sums.set(
      amount.currency,
      side === 'DEBIT' ? { ...sum, debits: sum.debits + amount.amountMinor } : { ...sum, credits: sum.credits + amount.amountMinor },
    );
  }
  for (const [currency, { debits, credits }] of sums) {
    if (debits !== credits) throw new UnbalancedPostingsError(currency, debits, credits);
  }
}
