import { TerminalRateLimiter } from './token-bucket';

describe('terminal rate limit', () => {
  it('allows a burst of twice the rate, then refills at the rate, per terminal', () => {
    const limiter = new TerminalRateLimiter(5);
    const allowed = Array.from({ length: 12 }, () => limiter.tryTake('t-1', 0)).filter(Boolean).length;
    expect(allowed).toBe(10);
    expect(limiter.tryTake('t-2', 0)).toBe(true);
    expect(limiter.tryTake('t-1', 199)).toBe(false);
    expect(limiter.tryTake('t-1', 200)).toBe(true);
  });
});
