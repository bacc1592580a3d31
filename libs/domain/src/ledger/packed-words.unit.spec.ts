import fc from 'fast-check';
import { wordCode, wordOfCode } from './packed-words';

describe('a packed sale\'s words', () => {
  it('gives each listed word its own printable one-character code, and back', () => {
    const words = ['SETTLED', 'OFFLINE_DECLINED', 'CASH', 'WECHAT_PAY', 'VERIFIED', 'CONTACTLESS', 'PRINTED_MERCHANT', 'EMAILED', 'AWAITING_HOST', 'NONE', 'UNIONPAY', 'DISCOVER'];
    const codes = words.map((word) => wordCode(word) as string);
    expect(new Set(codes).size).toBe(words.length);
    for (const code of codes) expect(code.length === 1 && code > ' ' && code < '\x7f').toBe(true);
    expect(codes.map(wordOfCode)).toEqual(words);
  });

  it('property: a word not listed has no code, and a character that is no code is refused', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const code = wordCode(text);
        if (code !== undefined) expect(wordOfCode(code)).toBe(text);
      }),
    );
    expect(wordCode('settled')).toBeUndefined();
    expect(() => wordOfCode(' ')).toThrow('no packed word has the code " "');
    expect(() => wordOfCode('\x7e')).toThrow('no packed word');
    expect(() => wordOfCode('!!')).toThrow('no packed word');
  });
});
