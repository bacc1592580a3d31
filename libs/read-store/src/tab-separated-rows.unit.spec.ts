import fc from 'fast-check';
import { tabSeparatedWithNames } from './tab-separated-rows';

describe('tabSeparatedWithNames', () => {
  it('writes a header of the first row keys, then each row by those keys, escaping only backslash, tab, newline, CR and NUL', () => {
    const rows = [
      { position: '1', data: '{"a":"b\\\\c"}', amount: 12n, at: '2026-11-23 14:05:09.123' },
      { amount: -3, at: 'x', position: '2', data: 'tab\there\nline\rcr\0nul' },
      { position: '3', data: null, amount: undefined, at: '' },
    ];

    expect(tabSeparatedWithNames(rows)).toBe(
      'position\tdata\tamount\tat\n' +
        '1\t{"a":"b\\\\\\\\c"}\t12\t2026-11-23 14:05:09.123\n' +
        '2\ttab\\there\\nline\\rcr\\0nul\t-3\tx\n' +
        '3\t\\N\t\\N\t\n',
    );
  });

  it.each([
    ['\\', '\\\\'],
    ['\t', '\\t'],
    ['\n', '\\n'],
    ['\r', '\\r'],
    ['\0', '\\0'],
  ])('escapes %j when it is the only special character of a long text', (special, escape) => {
    const [before, after] = ['x'.repeat(500), 'y'.repeat(500)];
    expect(tabSeparatedWithNames([{ v: `${before}${special}${after}` }])).toBe(`v\n${before}${escape}${after}\n`);
  });

  it('gives back every string once unescaped, with no tab, newline, CR or NUL of its own left in the text', () => {
    const UNESCAPED: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', '0': '\0' };
    const characters = fc.constantFrom('a', 'é', '東', '"', '\\', '\t', '\n', '\r', '\0');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: characters, maxLength: 40 }), { minLength: 1, maxLength: 5 }), (texts) => {
        const text = tabSeparatedWithNames(texts.map((v) => ({ v }))) ?? '';
        const fields = text.split('\n').slice(1, -1);
        expect(fields.map((field) => field.replace(/\\(.)/gs, (_, escaped: string) => UNESCAPED[escaped]))).toEqual(texts);
        expect(fields.join('')).not.toMatch(/[\t\r\0]/);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['a row holding an object', [{ id: 1, value: { a: 1 } }]],
    ['a row holding an array', [{ id: 1, value: [1] }]],
    ['a row holding a boolean', [{ id: 1, value: true }]],
    ['a row holding a number that is not finite', [{ id: 1, value: Number.NaN }]],
    ['rows whose keys differ', [{ id: 1, a: 'x' }, { id: 2, b: 'y' }]],
    ['a row with fewer keys', [{ id: 1, a: 'x' }, { id: 2 }]],
    ['a row without keys', [{}]],
  ])('leaves %s to JSONEachRow', (_, rows) => {
    expect(tabSeparatedWithNames(rows)).toBeUndefined();
  });
});
