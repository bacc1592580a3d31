import { currencyExponent, isKnownCurrency } from './currency';
import { CurrencyMismatchError } from './currency-mismatch.error';
import { InvalidAmountError } from './invalid-amount.error';
import { UnknownCurrencyError } from './unknown-currency.error';

/** An amount in integer minor units of a currency. Never a JS number. */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: string;
}

/** The JSON form of Money: what events, views and the API carry. */
export interface MoneyJson {
  readonly currency: string;
  readonly minor: string;
}

const INTEGER = /^-?\d+$/;

export function money(amountMinor: bigint | string, currency: string): Money {
  if (!isKnownCurrency(currency)) throw new UnknownCurrencyError(currency);
  if (typeof amountMinor === 'bigint') return { amountMinor, currency };
  if (typeof amountMinor !== 'string' || !INTEGER.test(amountMinor)) {
    throw new InvalidAmountError(`${typeof amountMinor} ${JSON.stringify(String(amountMinor))}`);
  }
  return { amountMinor: BigInt(amountMinor), currency };
}

export function zero(currency: string): Money {
  return money(0n, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency };
}

export function isZero(m: Money): boolean {
  return m.amountMinor === 0n;
}

/** -1, 0 or 1; throws CurrencyMismatchError for different currencies. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export function toMinorString(m: Money): string {
  return m.amountMinor.toString();
}

/** "12.34 CNY": for humans only, never parsed back. */
export function formatMoney(m: Money): string {
  const exponent = currencyExponent(m.currency) ?? 0;
  const negative = m.amountMinor < 0n;
  const digits = (negative ? -m.amountMinor : m.amountMinor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction} ${m.currency}`;
}

export function moneyToJson(m: Money): MoneyJson {
  return { currency: m.currency, minor: m.amountMinor.toString() };
}

/** An amount as events, views and the API carry it, checked as `money` checks it. */
export function moneyJson(amountMinor: bigint | string, currency: string): MoneyJson {
  return moneyToJson(money(amountMinor, currency));
}

export function moneyFromJson(json: MoneyJson): Money {
  return money(json.minor, json.currency);
}
