import { averageMinor, change, chartValue, decimalString, formatMoney, minorFromInput } from './money';

describe('money', () => {
  it('writes minor units as an exact decimal, whatever their size or sign', () => {
    expect(decimalString('123456', 2)).toBe('1234.56');
    expect(decimalString('5', 2)).toBe('0.05');
    expect(decimalString('-5', 2)).toBe('-0.05');
    expect(decimalString('1234', 0)).toBe('1234');
    expect(decimalString('1234', 3)).toBe('1.234');
    // Past 2^53: a float would lose the last digits.
    expect(decimalString('123456789012345678901', 2)).toBe('1234567890123456789.01');
  });

  it('formats money by locale, with the decimal places of the currency (from the API, not the locale)', () => {
    expect(formatMoney({ currency: 'CNY', minor: '123456', exponent: 2 }, 'en')).toBe('CN¥1,234.56');
    expect(formatMoney({ currency: 'CNY', minor: '123456', exponent: 2 }, 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney({ currency: 'GBP', minor: '-99', exponent: 2 }, 'en')).toBe('-£0.99');
    expect(formatMoney({ currency: 'JPY', minor: '1234', exponent: 0 }, 'en')).toBe('¥1,234');
    expect(formatMoney({ currency: 'KWD', minor: '1234', exponent: 3 }, 'en')).toBe('KWD\u00a01.234');
    // ISO 4217 gives COP two decimals where the locale data shows none: 150.25 must not read 15,025.
    expect(formatMoney({ currency: 'COP', minor: '15025', exponent: 2 }, 'en')).toBe('COP\u00a0150.25');
    expect(formatMoney({ currency: 'CNY', minor: '123456789012345678901', exponent: 2 }, 'en')).toBe('CN¥1,234,567,890,123,456,789.01');
  });

  it('averages a ticket in minor units, rounding half away from zero', () => {
    expect(averageMinor(1000n, 3)).toBe(333n);
    expect(averageMinor(1001n, 2)).toBe(501n);
    expect(averageMinor(-1001n, 2)).toBe(-501n);
    expect(averageMinor(123456n, 0)).toBe(0n);
  });

  it('gives the change against the previous period, or none when that period had nothing', () => {
    expect(change(125n, 100n)).toBe(0.25);
    expect(change(50n, 100n)).toBe(-0.5);
    expect(change(0n, 100n)).toBe(-1);
    expect(change(100n, 0n)).toBeUndefined();
    expect(change(-50n, -100n)).toBe(0.5);
  });

  it('reads an amount typed in major units into minor units, refusing what the currency cannot hold', () => {
    expect(minorFromInput('12.5', 2)).toBe('1250');
    expect(minorFromInput(' 12,50 ', 2)).toBe('1250');
    expect(minorFromInput('12', 2)).toBe('1200');
    expect(minorFromInput('0.05', 2)).toBe('5');
    expect(minorFromInput('1234', 0)).toBe('1234');
    expect(['12.345', '-1', '1e3', 'abc', '', '12.5.1'].map((text) => minorFromInput(text, 2))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(minorFromInput('1.5', 0)).toBeUndefined();
  });

  it('sizes chart elements in major units', () => {
    expect(chartValue('123456', 2)).toBe(1234.56);
    expect(chartValue(5n, 0)).toBe(5);
  });
});
