/**
 * ISO 4217 minor-unit exponents of the currencies we accept. An exponent is how many decimal places the
 * minor unit has: 1234 minor units of CNY (exponent 2) are 12.34 CNY; of JPY (exponent 0) 1234 JPY.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  AED: 2, ARS: 2, AUD: 2, BHD: 3, BRL: 2, CAD: 2, CHF: 2, CLP: 0, CNY: 2, COP: 2,
  CZK: 2, DKK: 2, EGP: 2, EUR: 2, GBP: 2, HKD: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2,
  ISK: 0, JOD: 3, JPY: 0, KRW: 0, KWD: 3, LKR: 2, MOP: 2, MXN: 2, MYR: 2, NOK: 2,
  NZD: 2, OMR: 3, PHP: 2, PKR: 2, PLN: 2, QAR: 2, RON: 2, RUB: 2, SAR: 2, SEK: 2,
  SGD: 2, THB: 2, TND: 3, TRY: 2, TWD: 2, UAH: 2, USD: 2, VND: 0, ZAR: 2,
};

export function isKnownCurrency(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(EXPONENTS, code);
}

/** The currency's exponent, or undefined for a code we do not know. */
export function currencyExponent(code: string): number | undefined {
  return isKnownCurrency(code) ? EXPONENTS[code] : undefined;
}

export function knownCurrencies(): readonly string[] {
  return Object.keys(EXPONENTS);
}
