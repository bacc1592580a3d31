// When to try a batch again and how long to wait first.

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Upper bound on a server's Retry-After, so one answer cannot stall a terminal indefinitely. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 100,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 60_000,
};

/** 429, 408 and every 5xx are transient; any other refusal (400, 401, 413...) will not change on resend. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Exponential back-off with equal jitter; `unitRandom` in [0, 1). */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, unitRandom: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * unitRandom);
}

/** Retry-After as delay in ms (delta-seconds or HTTP-date), or null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number, policy: RetryPolicy): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  const delay = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - nowMs;
  if (Number.isNaN(delay)) return null;
  return Math.min(Math.max(delay, 0), policy.maxRetryAfterMs);
}
