import { Money, money } from '../values/money';
import { Account, Posting } from './postings';

/** A merchant's position in one currency. `available = settled - fees`. */
export interface Balance {
  currency: string;
  pending: Money;
  settled: Money;
  fees: Money;
  available: Money;
}

// merchant:pending and merchant:settled are what is owed to the merchant (credit-normal);
// merchant:fees is what the merchant owes (debit-normal).
const CREDIT_NORMAL: ReadonlySet<Account> = new Set(['merchant:pending', 'merchant:settled']);

/** Balances per currency, sorted by currency, from any set of postings. */
export function balanceFromPostings(postings: readonly Posting[]): Balance[] {
  const byCurrency = new Map<string, Record<'pending' | 'settled' | 'fees', bigint>>();
  for (const { account, side, amount } of postings) {
    if (account !== 'merchant:pending' && account !== 'merchant:settled' && account !== 'merchant:fees') continue;
    const sums = byCurrency.get(amount.currency) ?? { pending: 0n, settled: 0n, fees: 0n };
    const increases = CREDIT_NORMAL.has(account) ? side === 'CREDIT' : side === 'DEBIT';
    const key = account === 'merchant:pending' ? 'pending' : account === 'merchant:settled' ? 'settled' : 'fees';
    byCurrency.set(amount.currency, { ...sums, [key]: sums[key] + (increases ? amount.amountMinor : -amount.amountMinor) });
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, { pending, settled, fees }]) => ({
      currency,
      pending: money(pending, currency),
      settled: money(settled, currency),
      fees: money(fees, currency),
      available: money(settled - fees, currency),
    }));
}
