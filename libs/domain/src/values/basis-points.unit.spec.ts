import fc from 'fast-check';
import { basisPointsOf } from './basis-points';
import { InvalidBasisPointsError } from './invalid-basis-points.error';

describe('basisPointsOf', () => {
  it.each([
    [10000n, 50, 50n],
    [101n, 50, 1n], // 0.505 rounds half up
    [100n, 50, 1n], // exactly 0.5 rounds up
    [99n, 50, 0n], // 0.495 rounds down
    [20001n, 180, 360n], // 360.018
    [5000n, 60, 30n],
    [1n, 10000, 1n],
    [0n, 180, 0n],
    [-100n, 50, -1n], // half away from zero for negative amounts
    [123456789012345678901234567890n, 1, 12345678901234567890123457n],
  ])('%s minor units at %s bps is %s', (amount, bps, fee) => {
    expect(basisPointsOf(amount, bps)).toBe(fee);
  });

  it.each([[-1], [10001], [1.5], [Number.NaN]])('refuses %s basis points', (bps) => {
    expect(() => basisPointsOf(100n, bps)).toThrow(InvalidBasisPointsError);
  });

  it('invariant 1: is within half a minor unit of the exact fee, in integer arithmetic', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 10000 }), (amount, bps) => {
        const fee = basisPointsOf(amount, bps);
        const exactTimes10000 = amount * BigInt(bps);
        const diff = fee * 10000n - exactTimes10000;
        expect(diff * 2n <= 10000n && diff * 2n > -10000n).toBe(true);
      }),
    );
  });
});
