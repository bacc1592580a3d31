export type Take = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number; readonly refusalsInARow: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
  refusalsInARow: number;
}

/**
 * Token buckets by key: `ratePerSecond` sustained, bursts up to `burst`. A bucket that has refilled is forgotten,
 * so the map holds only the keys seen in the last `burst / ratePerSecond` seconds, however many keys come by.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private sweptMs = 0;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
  ) {}

  /** Takes `cost` tokens for `key` at `nowMs` (a monotonic clock), or says how long until they will be there. */
  take(key: string, nowMs: number, cost = 1): Take {
    this.forgetRefilled(nowMs);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedMs: nowMs, refusalsInARow: 0 };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * this.ratePerSecond);
    bucket.updatedMs = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      bucket.refusalsInARow = 0;
      return { allowed: true };
    }
    bucket.refusalsInARow += 1;
    return { allowed: false, retryAfterMs: Math.ceil(((cost - bucket.tokens) / this.ratePerSecond) * 1000), refusalsInARow: bucket.refusalsInARow };
  }

  /** How many keys are held (what the sweep bounds). */
  get size(): number {
    return this.buckets.size;
  }

  private forgetRefilled(nowMs: number): void {
    const refillMs = (this.burst / this.ratePerSecond) * 1000;
    if (nowMs - this.sweptMs < refillMs) return;
    this.sweptMs = nowMs;
    for (const [key, bucket] of this.buckets) if (nowMs - bucket.updatedMs >= refillMs) this.buckets.delete(key);
  }
}
