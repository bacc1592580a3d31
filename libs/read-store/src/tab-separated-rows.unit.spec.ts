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
