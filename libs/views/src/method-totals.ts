import { moneyJson, type MoneyJson, type TotalsLine } from '@posledger/domain';

/** The count and amount of one payment method and currency (in a batch, a shift, ...). */
export interface MethodTotal {
  readonly method: string;
  readonly count: number;
  readonly amount: MoneyJson;
}

/** Totals lines stored as JSON by a projection, read back. */
export const methodTotalsFromJson = (json: string): MethodTotal[] =>
  (JSON.parse(json) as TotalsLine[]).map((t) => ({ method: t.method, count: t.count, amount: moneyJson(t.minor, t.currency) }));
