import { firstArgument } from './page-size';
import { InvalidArgumentError } from './invalid-argument.error';

describe('first (page size)', () => {
  it('is 50 when not given, and 1 to 100 as given', () => {
    expect(firstArgument(undefined)).toBe(50);
    expect(firstArgument(null)).toBe(50);
    expect(firstArgument(1)).toBe(1);
    expect(firstArgument(100)).toBe(100);
  });

  it.each([0, -5, 101, 500])('refuses %p with a clear error', (first) => {
    expect(() => firstArgument(first)).toThrow(InvalidArgumentError);
    expect(() => firstArgument(first)).toThrow(`first must be between 1 and 100, got ${first}`);
  });
});
