import { findFullPans, isLuhnValid, isMaskedPan, maskPan } from './pan';

describe('PAN', () => {
  it('Luhn accepts known test card numbers and refuses altered ones', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('5500000000000004')).toBe(true);
    expect(isLuhnValid('378282246310005')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(isLuhnValid('4111-1111-1111-1111')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
  });

  it('invariant 2: finds full PANs in text, plain or separated by single spaces or dashes', () => {
    expect(findFullPans('card 4111111111111111 ok')).toEqual(['4111111111111111']);
    expect(findFullPans('4111 1111 1111 1111')).toEqual(['4111111111111111']);
    expect(findFullPans('x4111-1111-1111-1111y')).toEqual(['4111111111111111']);
    expect(findFullPans('amex 378282246310005 and visa 4111111111111111')).toEqual(['378282246310005', '4111111111111111']);
  });

  it('invariant 2: does not take masked PANs, short runs, non-Luhn runs or long references for PANs', () => {
    expect(findFullPans('411111******1111')).toEqual([]);
    expect(findFullPans('4111111111111112')).toEqual([]);
    expect(findFullPans('order 123456 at 2026-11-23')).toEqual([]);
    expect(findFullPans('4111  1111 1111 1111')).toEqual([]); // double space breaks the run: 4 + 12 digits
    expect(findFullPans('4200000000000000000000000000')).toEqual([]); // a 28-digit wallet reference
  });

  it('masks to the first 6 and the last 4 digits', () => {
    expect(maskPan('4111111111111111')).toBe('411111******1111');
    expect(maskPan('378282246310005')).toBe('378282*****0005');
    expect(maskPan('6225 8800 0000 0000 009')).toBe('622588*********0009');
    expect(() => maskPan('12345')).toThrow(RangeError);
  });

  it('recognizes a masked PAN', () => {
    expect(isMaskedPan('411111******1111')).toBe(true);
    expect(isMaskedPan('622588*********0009')).toBe(true);
    expect(isMaskedPan('4111111111111111')).toBe(false);
    expect(isMaskedPan('411111**1111')).toBe(false);
    expect(isMaskedPan('41111******1111')).toBe(false);
  });
});
