import { currencyExponent, isKnownCurrency, knownCurrencies } from './currency';
import { CurrencyMismatchError } from './currency-mismatch.error';
import { InvalidAmountError } from './invalid-amount.error';
import {
  add, compare, formatMoney, isZero, money, moneyFromJson, moneyToJson, subtract, toMinorString,
} from './money';
import { UnknownCurrencyError } from './unknown-currency.error';

describe('Money', () => {
  it('invariant 1: an amount is integer minor units, from a bigint or a decimal string', () => {
    expect(money(1234n, 'CNY')).toEqual({ amountMinor: 1234n, currency: 'CNY' });
    expect(money('-1234', 'USD')).toEqual({ amountMinor: -1234n, currency: 'USD' });
    expect(money('123456789012345678901234567890', 'JPY').amountMinor).toBe(123456789012345678901234567890n);
  });

  it.each([['12.34'], ['1e3'], [''], [' 12'], ['0x10'], ['12 ']])('invariant 1: refuses the string %j (never a float)', (amount) => {
    expect(() => money(amount, 'CNY')).toThrow(InvalidAmountError);
  });

  it('invariant 1: refuses a JS number at run time', () => {
    expect(() => money(12.34 as unknown as string, 'CNY')).toThrow(InvalidAmountError);
    expect(() => money(12 as unknown as string, 'CNY')).toThrow(InvalidAmountError);
  });

  it('refuses an unknown currency, with a stable code', () => {
    expect(() => money(1n, 'XYZ')).toThrow(UnknownCurrencyError);
    expect(() => money(1n, 'cny')).toThrow(expect.objectContaining({ code: 'MONEY.UNKNOWN_CURRENCY' }));
  });

  it('knows the ISO 4217 exponents', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    for (const code of ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'SGD']) expect(currencyExponent(code)).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('BHD')).toBe(3);
    expect(currencyExponent('XYZ')).toBeUndefined();
    expect(isKnownCurrency('toString')).toBe(false);
    expect(knownCurrencies().length).toBeGreaterThanOrEqual(40);
  });

  it('adds, subtracts and compares in one currency', () => {
    const a = money(1000n, 'CNY');
    const b = money(250n, 'CNY');
    expect(add(a, b)).toEqual(money(1250n, 'CNY'));
    expect(subtract(b, a)).toEqual(money(-750n, 'CNY'));
    expect(compare(a, b)).toBe(1);
    expect(compare(b, a)).toBe(-1);
    expect(compare(a, a)).toBe(0);
    expect(isZero(subtract(a, a))).toBe(true);
    expect(toMinorString(a)).toBe('1000');
  });

  it('throws CurrencyMismatchError across currencies', () => {
    expect(() => add(money(1n, 'CNY'), money(1n, 'USD'))).toThrow(CurrencyMismatchError);
    expect(() => subtract(money(1n, 'CNY'), money(1n, 'USD'))).toThrow(expect.objectContaining({ code: 'MONEY.CURRENCY_MISMATCH' }));
    expect(() => compare(money(1n, 'CNY'), money(1n, 'HKD'))).toThrow(CurrencyMismatchError);
  });

  it.each([
    [1234n, 'CNY', '12.34 CNY'],
    [5n, 'USD', '0.05 USD'],
    [-5n, 'USD', '-0.05 USD'],
    [1234n, 'JPY', '1234 JPY'],
    [1234n, 'KWD', '1.234 KWD'],
    [0n, 'EUR', '0.00 EUR'],
  ])('formats %s minor units of %s as %s for humans', (minor, currency, text) => {
    expect(formatMoney(money(minor, currency))).toBe(text);
  });

  it('round-trips its JSON form { currency, minor }', () => {
    const m = money(-987654321987654321n, 'BHD');
    expect(moneyToJson(m)).toEqual({ currency: 'BHD', minor: '-987654321987654321' });
    expect(moneyFromJson(moneyToJson(m))).toEqual(m);
    expect(JSON.parse(JSON.stringify(moneyToJson(m)))).toEqual({ currency: 'BHD', minor: '-987654321987654321' });
  });
});
