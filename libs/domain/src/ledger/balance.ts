import { Money, money } from '../values/money';
import { Account, Posting } from './postings';

/**
 * A merchant's position in one currency. `available = settled - fees`; `held`: what open disputes hold out of it;
 * `cash` was taken at the counter and is never part of it.
 */
export interface Balance {
  currency: string;
  pending: Money;
  settled: Money;
  fees: Money;
  available: Money;
  held: Money;
  cash: Money;
}

type Sums = Record<'pending' | 'settled' | 'fees' | 'held' | 'cash', bigint>;

// pending, settled and cash (the cash sales, less voids and refunds) are the merchant's (credit-normal);
// fees are what the merchant owes (debit-normal).
const KEYS: ReadonlyMap<Account, { key: keyof Sums; creditNormal: boolean }> = new Map<Account, { key: keyof Sums; creditNormal: boolean }>([
  ['merchant:pending', { key: 'pending', creditNormal: true }],
  ['merchant:settled', { key: 'settled', creditNormal: true }],
  ['merchant:fees', { key: 'fees', creditNormal: false }],
  ['merchant:cash-sales', { key: 'cash', creditNormal: true }],
  ['merchant:disputed', { key: 'held', creditNormal: true }],
]);

/** Balances per currency, sorted by currency, from any set of postings. */
export function balanceFromPostings(postings: readonly Posting[]): Balance[] {
  const byCurrency = new Map<string, Sums>();
  for (const { account, side, amount } of postings) {
    const found = KEYS.get(account);
    if (found === undefined) continue;
    const sums = byCurrency.get(amount.currency) ?? { pending: 0n, settled: 0n, fees: 0n, held: 0n, cash: 0n };
    const increases = found.creditNormal ? side === 'CREDIT' : side === 'DEBIT';
    byCurrency.set(amount.currency, { ...sums, [found.key]: sums[found.key] + (increases ? amount.amountMinor : -amount.amountMinor) });
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, { pending, settled, fees, held, cash }]) => ({
      currency,
      pending: money(pending, currency),
      settled: money(settled, currency),
      fees: money(fees, currency),
      available: money(settled - fees, currency),
      held: money(held, currency),
      cash: money(cash, currency),
    }));
}
