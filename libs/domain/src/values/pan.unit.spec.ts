import fc from 'fast-check';
import { findFullPans, isLuhnValid, LONGEST_RUN_SCANNED, isMaskedPan, isPlainFullPan, maskPan, withAsciiDigits } from './pan';

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

  it.each([
    ['several spaces', '4111  1111   1111 1111'],
    ['dots', '4111.1111.1111.1111'],
    ['slashes', '4111/1111/1111/1111'],
    ['underscores', '4111_1111_1111_1111'],
    ['a spaced dash', '4111 - 1111 - 1111 - 1111'],
    ['en dashes and no-break spaces', '4111\u20131111\u00a01111\u20131111'],
    ['zero-width spaces', '4111\u200b1111\u200b1111\u200b1111'],
    ['a tab and a newline', '4111\t1111\n1111 1111'],
    ['full-width digits', '\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11'],
    ['Arabic-Indic digits', '\u0664\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661\u0661'],
    ['Devanagari digits with spaces', '\u096a\u0967\u0967\u0967 \u0967\u0967\u0967\u0967 \u0967\u0967\u0967\u0967 \u0967\u0967\u0967\u0967'],
    ['mixed scripts', '4\u0661\uff11\u09671-1111-1111-1111'],
  ])('invariant 2: finds a full PAN written with %s', (_name, text) => {
    expect(findFullPans(text)).toEqual(['4111111111111111']);
  });

  it('invariant 2: finds a PAN inside a longer run of digits, whatever digits surround it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{0,5}$/), fc.constantFrom('4111111111111111', '378282246310005', '6225880000000000009'), fc.stringMatching(/^\d{0,5}$/), (before, pan, after) => {
        fc.pre(before.length + pan.length + after.length <= LONGEST_RUN_SCANNED);
        expect(findFullPans(`ref ${before}${pan}${after} end`)).toHaveLength(1);
      }),
    );
  });

  it("reports a run's longest Luhn-valid window, the leftmost of that length", () => {
    expect(findFullPans('00 4111 1111 1111 1111 77')).toEqual(['004111111111111111']);
    expect(findFullPans('4200000000000000000000')).toEqual(['420000000000000000']);
  });

  it('takes a run longer than LONGEST_RUN_SCANNED digits for a reference: 28-digit WeChat Pay and Alipay trade numbers pass', () => {
    expect(findFullPans('4200001234202612021234567890')).toEqual([]);
    expect(findFullPans('2026120222001412345678901234')).toEqual([]);
  });

  it('reads a window inside a run only from a digit other than 0 (no card number starts with 0); the whole run from any', () => {
    expect(findFullPans('1000000000000000')).toEqual([]);
    expect(findFullPans('0000000000000')).toEqual(['0000000000000']);
  });

  it('invariant 2: does not take masked PANs, short runs, non-Luhn runs or separated numbers for PANs', () => {
    expect(findFullPans('411111******1111')).toEqual([]);
    expect(findFullPans('4111111111113')).toEqual([]);
    expect(findFullPans('order 123456 at 2026-11-23')).toEqual([]);
    expect(findFullPans('declined 2026-11-23 14:05:00, codes 51, 05, 61')).toEqual([]);
    expect(findFullPans('411111111111')).toEqual([]);
    expect(findFullPans('4111 1111 x 1111 1111')).toEqual([]);
  });

  it('reads digits of every script as ASCII digits', () => {
    expect(withAsciiDigits('\uff11\uff12 \u0661\u0662 \u06f3 \u0969 \u0e54 \u2464 \u00b2')).toBe('12 12 3 3 4 5 2');
    expect(withAsciiDigits('no digits')).toBe('no digits');
  });

  it('a plain full PAN is 13 to 19 ASCII digits passing Luhn, and nothing else', () => {
    expect(isPlainFullPan('4111111111111111')).toBe(true);
    expect(isPlainFullPan('4111 1111 1111 1111')).toBe(false);
    expect(isPlainFullPan('4111111111111112')).toBe(false);
    expect(isPlainFullPan('42000000000000000000')).toBe(false);
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
