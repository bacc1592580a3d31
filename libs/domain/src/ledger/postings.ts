import { Money, money } from '../values/money';
import { LedgerEvent } from './ledger-events';
import { UnbalancedPostingsError } from './unbalanced-postings.error';

export type Account = 'merchant:pending' | 'merchant:settled' | 'merchant:fees' | 'acquirer:receivable' | 'platform:fee-income';

export interface Posting {
  account: Account;
  side: 'DEBIT' | 'CREDIT';
  amount: Money;
}

function transfer(debit: Account, credit: Account, amount: Money): Posting[] {
  if (amount.amountMinor === 0n) return [];
  return [
    { account: debit, side: 'DEBIT', amount },
    { account: credit, side: 'CREDIT', amount },
  ];
}

/** The double-entry postings of a ledger event; events that move no money have none. */
export function postingsFor(event: LedgerEvent): Posting[] {
  switch (event.type) {
    case 'SaleApproved':
      return transfer('acquirer:receivable', 'merchant:pending', money(event.data.amount.minor, event.data.amount.currency));
    case 'SaleVoided':
      return transfer('merchant:pending', 'acquirer:receivable', money(event.data.amount.minor, event.data.amount.currency));
    case 'RefundApproved':
      return transfer('merchant:settled', 'acquirer:receivable', money(event.data.amount.minor, event.data.amount.currency));
    case 'BatchClosed': {
      const settle = event.data.ledgerTotals.reduce<Map<string, bigint>>(
        (acc, line) => acc.set(line.currency, (acc.get(line.currency) ?? 0n) + BigInt(line.minor)),
        new Map(),
      );
      return [
        ...[...settle.entries()].flatMap(([currency, total]) => transfer('merchant:pending', 'merchant:settled', money(total, currency))),
        ...event.data.fees.flatMap((fee) => transfer('merchant:fees', 'platform:fee-income', money(fee.minor, fee.currency))),
      ];
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
    case 'AuthorizationReversed':
    case 'SignatureCaptured':
    case 'ReceiptIssued':
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
