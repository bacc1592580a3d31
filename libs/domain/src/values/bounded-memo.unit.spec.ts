import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
  it('computes each remembered argument once and gives the same answers as the function', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key) => {
      calls.push(key);
      return key.length > 1;
    }, 2);
    expect(['a', 'bb', 'a', 'bb'].map(memo)).toEqual([false, true, false, true]);
    expect(calls).toEqual(['a', 'bb']);
  });

  it('past its bound it still answers, computing what it did not remember', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key) => {
      calls.push(key);
      return key.toUpperCase();
    }, 1);
    expect(['a', 'b', 'b', 'a'].map(memo)).toEqual(['A', 'B', 'B', 'A']);
    expect(calls).toEqual(['a', 'b', 'b']);
  });

  it('does not keep a key longer than a field name', () => {
    const calls: string[] = [];
    const memo = boundedMemo((key) => {
      calls.push(key);
      return key.length;
    }, 10);
    const long = 'k'.repeat(65);
    expect([long, long].map(memo)).toEqual([65, 65]);
    expect(calls).toEqual([long, long]);
  });
});
