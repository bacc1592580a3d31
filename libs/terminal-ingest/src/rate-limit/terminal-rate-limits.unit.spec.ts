import { RateLimitedError } from '../terminal-events/ingest.errors';
import { TerminalRateLimits } from './terminal-rate-limits';

const refused = (take: () => void): RateLimitedError | undefined => {
  try {
    take();
    return undefined;
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
};

describe('terminal rate limits', () => {
  it('allows a burst of twice the request rate, then refills at the rate, per terminal', () => {
    const limits = new TerminalRateLimits(5, 1_000_000);
    const allowed = Array.from({ length: 12 }, () => refused(() => limits.takeRequest('t-1', 0))).filter((e) => e === undefined).length;
    expect(allowed).toBe(10);
    expect(refused(() => limits.takeRequest('t-2', 0))).toBeUndefined();
    expect(refused(() => limits.takeRequest('t-1', 199))?.retryAfterSeconds).toBe(1);
    expect(refused(() => limits.takeRequest('t-1', 200))).toBeUndefined();
  });

  it('counts events: a terminal sending full batches is held to its event rate, and told when to come back', () => {
    const limits = new TerminalRateLimits(1_000, 1_000);
    for (let batch = 0; batch < 4; batch++) expect(refused(() => limits.takeEvents('t-1', 0, 500))).toBeUndefined();
    const over = refused(() => limits.takeEvents('t-1', 0, 500));
    expect(over?.message).toContain('1000 events/s');
    expect(over?.retryAfterSeconds).toBe(1);
    expect(refused(() => limits.takeEvents('t-2', 0, 500))).toBeUndefined();
    expect(refused(() => limits.takeEvents('t-1', 500, 500))).toBeUndefined();
  });

  it('always lets a full batch through a slow event rate, once its burst has refilled', () => {
    const limits = new TerminalRateLimits(1_000, 10);
    expect(refused(() => limits.takeEvents('t-1', 0, 500))).toBeUndefined();
    expect(refused(() => limits.takeEvents('t-1', 1_000, 500))?.retryAfterSeconds).toBe(49);
    expect(refused(() => limits.takeEvents('t-1', 50_000, 500))).toBeUndefined();
  });
});
