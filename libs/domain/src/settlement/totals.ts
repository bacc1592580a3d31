import { PaymentMethod, SettlementTotalLine } from '../terminal-events/terminal-event';
import { TotalsLine } from '../ledger/ledger-events';
import { MoneyJson } from '../values/money';

const keyOf = (method: string, currency: string) => `${method} ${currency}`;

const byMethodThenCurrency = (a: TotalsLine, b: TotalsLine): number =>
  a.method === b.method ? (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0) : a.method < b.method ? -1 : 1;

const sorted = (lines: Iterable<TotalsLine>): TotalsLine[] => [...lines].sort(byMethodThenCurrency);

function accumulate(entries: Iterable<{ method: PaymentMethod; currency: string; count: number; minor: bigint }>): TotalsLine[] {
  const byKey = new Map<string, { method: PaymentMethod; currency: string; count: number; minor: bigint }>();
  for (const entry of entries) {
    const key = keyOf(entry.method, entry.currency);
    const line = byKey.get(key) ?? { method: entry.method, currency: entry.currency, count: 0, minor: 0n };
    byKey.set(key, { ...line, count: line.count + entry.count, minor: line.minor + entry.minor });
  }
  return sorted([...byKey.values()].map((line) => ({ ...line, minor: line.minor.toString() })));
}

/** Count and sum of sales per (method, currency), sorted by method then currency. */
export function totalsOf(sales: readonly { method: PaymentMethod; amount: MoneyJson }[]): TotalsLine[] {
  return accumulate(
    sales.map((sale) => ({ method: sale.method, currency: sale.amount.currency, count: 1, minor: BigInt(sale.amount.minor) })),
  );
}

/**
 * Running totals: `lines` with one more `amount` by `method` counted in, or with `count` -1 one taken out; a line
 * whose count falls to 0 goes, so the lines stay what `totalsOf` gives for what was counted and not taken out.
 */
export function withTotal(lines: readonly TotalsLine[], method: PaymentMethod, amount: MoneyJson, count: 1 | -1): TotalsLine[] {
  const at = lines.findIndex((line) => line.method === method && line.currency === amount.currency);
  const line = lines[at] ?? { method, currency: amount.currency, count: 0, minor: '0' };
  const counted = { ...line, count: line.count + count, minor: (BigInt(line.minor) + BigInt(count) * BigInt(amount.minor)).toString() };
  const others = lines.filter((_, index) => index !== at);
  return counted.count === 0 ? others : sorted([...others, counted]);
}

/** The terminal's own settlement lines in the same form (lines for the same method and currency add up). */
export function terminalTotalsOf(lines: readonly SettlementTotalLine[]): TotalsLine[] {
  return accumulate(
    lines.map((line) => ({ method: line.method, currency: line.currency, count: line.count, minor: BigInt(line.amountMinor) })),
  );
}

export { keyOf as totalsKey };
