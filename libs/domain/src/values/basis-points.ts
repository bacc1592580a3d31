import { InvalidBasisPointsError } from './invalid-basis-points.error';

const BPS_PER_UNIT = 10_000n;

/**
 * `bps` basis points of an amount of minor units, rounded half up (half away from zero for negative amounts),
 * in integer arithmetic only: 50 bps of 101 minor units is 0.505 -> 1.
 */
export function basisPointsOf(amountMinor: bigint, bps: number): bigint {
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new InvalidBasisPointsError(bps);
  const negative = amountMinor < 0n;
  const magnitude = negative ? -amountMinor : amountMinor;
  const rounded = (magnitude * BigInt(bps) * 2n + BPS_PER_UNIT) / (2n * BPS_PER_UNIT);
  return negative ? -rounded : rounded;
}
