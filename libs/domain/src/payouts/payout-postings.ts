import { Money, money, MoneyJson } from '../values/money';
import { Account, Posting } from '../ledger/postings';
import { PayoutEvent } from './payout-events';

/** A posting of a signed amount: a negative one is the same amount on the other side. */
function signed(account: Account, side: Posting['side'], amount: MoneyJson): Posting[] {
  const value: Money = money(amount.minor, amount.currency);
  if (value.amountMinor === 0n) return [];
  if (value.amountMinor > 0n) return [{ account, side, amount: value }];
  return [{ account, side: side === 'DEBIT' ? 'CREDIT' : 'DEBIT', amount: money(-value.amountMinor, amount.currency) }];
}

/**
 * A payout takes its settled funds and their fees out of the merchant's available funds into merchant:in-transit
 * (credit-normal: still owed to the merchant); paid, the acquirer has paid it to the merchant's bank; failed, the
 * funds and fees are back where they were.
 */
export function payoutPostings(event: PayoutEvent): Posting[] {
  switch (event.type) {
    case 'PayoutScheduled': {
      const { settled, fees, amount } = event.data;
      return [...signed('merchant:settled', 'DEBIT', settled), ...signed('merchant:fees', 'CREDIT', fees), ...signed('merchant:in-transit', 'CREDIT', amount)];
    }
    case 'PayoutPaid':
      return [...signed('merchant:in-transit', 'DEBIT', event.data.amount), ...signed('acquirer:receivable', 'CREDIT', event.data.amount)];
    case 'PayoutFailed': {
      const { settled, fees, amount } = event.data;
      return [...signed('merchant:in-transit', 'DEBIT', amount), ...signed('merchant:settled', 'CREDIT', settled), ...signed('merchant:fees', 'DEBIT', fees)];
    }
    case 'PayoutsCutOff':
      return [];
  }
}
