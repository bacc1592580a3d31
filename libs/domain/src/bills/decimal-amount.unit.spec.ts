import fc from 'fast-check';
import { decimalToMinor, minorToDecimal } from './decimal-amount';

describe('decimal amounts', () => {
  it.each([
    ['12.34', 2, 1234n],
    ['-0.06', 2, -6n],
    ['0.6', 2, 60n],
    ['12', 2, 1200n],
    ['0', 2, 0n],
    ['-0.00', 2, 0n],
    ['007.50', 2, 750n],
    ['1234', 0, 1234n],
    ['1.234', 3, 1234n],
    ['90000000000000000000.01', 2, 9000000000000000000001n],
  ])('given %j with exponent %i, then exactly %p minor units', (text, exponent, minor) => {
    expect(decimalToMinor(text, exponent)).toBe(minor);
  });

  it.each([
    ['1.234', 2], ['1.0', 0], ['1.230', 2], ['', 2], ['.5', 2], ['5.', 2], ['+1', 2], ['1e3', 2], [' 1', 2], ['1 ', 2],
    ['1,000', 2], ['１２', 2], ['--1', 2], ['0x10', 2], ['NaN', 2], ['-', 2], ['1.2.3', 2],
  ])('refuses %j with exponent %i', (text, exponent) => {
    expect(decimalToMinor(text, exponent)).toBeUndefined();
  });

  it.each([
    [1234n, 2, '12.34'], [-6n, 2, '-0.06'], [60n, 2, '0.60'], [0n, 2, '0.00'], [5n, 0, '5'], [-1234n, 3, '-1.234'],
  ])('writes %p minor units with exponent %i as %j', (minor, exponent, text) => {
    expect(minorToDecimal(minor, exponent)).toBe(text);
  });

  it('property: any amount written in major units reads back exactly, whatever its size', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 4 }), (minor, exponent) => {
        expect(decimalToMinor(minorToDecimal(minor, exponent), exponent)).toBe(minor);
      }),
    );
  });
});
