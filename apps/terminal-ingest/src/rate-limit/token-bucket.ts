/** Per-terminal token buckets: `ratePerSecond` sustained, bursts up to twice that. */
export class TerminalRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedMs: number }>();

  constructor(private readonly ratePerSecond: number) {}

  tryTake(terminalId: string, nowMs: number): boolean {
    const capacity = this.ratePerSecond * 2;
    const bucket = this.buckets.get(terminalId) ?? { tokens: capacity, updatedMs: nowMs };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * this.ratePerSecond);
    bucket.updatedMs = nowMs;
    this.buckets.set(terminalId, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}
