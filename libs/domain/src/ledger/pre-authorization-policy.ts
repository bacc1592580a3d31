/**
 * A merchant's rules for pre-authorisations (预授权): a completion may exceed its hold by up to `tolerancePercent` of
 * it (a hotel's minibar, a rental's fuel), and a hold not completed or cancelled expires `expiryDays` after approval.
 */
export interface PreAuthorizationPolicy {
  tolerancePercent: number;
  expiryDays: number;
}

export const DEFAULT_PRE_AUTHORIZATION_POLICY: PreAuthorizationPolicy = { tolerancePercent: 0, expiryDays: 7 };

export const MAX_TOLERANCE_PERCENT = 100;
export const MAX_EXPIRY_DAYS = 31;

const DAY_MS = 86_400_000;

/** When a hold approved at `heldAt` expires. */
export function holdExpiresAt(heldAt: string, policy: PreAuthorizationPolicy): string {
  return new Date(Date.parse(heldAt) + policy.expiryDays * DAY_MS).toISOString();
}

/** The most a hold of `heldMinor` may be completed for: the hold plus the tolerance, rounded down to a minor unit. */
export function completionCeiling(heldMinor: bigint, policy: PreAuthorizationPolicy): bigint {
  return heldMinor + (heldMinor * BigInt(policy.tolerancePercent)) / 100n;
}
