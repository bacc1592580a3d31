import { MoneyJson } from '../values/money';

/** What a card sale captures: its amount and its tip (same currency, as the rules require). */
export function capturedAmount({ amount, tip }: { amount: MoneyJson; tip?: MoneyJson }): MoneyJson {
  return tip === undefined ? amount : { currency: amount.currency, minor: (BigInt(amount.minor) + BigInt(tip.minor)).toString() };
}
