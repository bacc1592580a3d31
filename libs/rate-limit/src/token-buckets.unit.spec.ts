import { TokenBuckets } from './token-buckets';

describe('token buckets', () => {
  it('allows a burst, then one request per 1/rate seconds, per key', () => {
    const buckets = new TokenBuckets(20, 40);
    const taken = Array.from({ length: 41 }, () => buckets.take('token a', 0));

    expect(taken.filter((t) => t.allowed)).toHaveLength(40);
    expect(taken[40]).toEqual({ allowed: false, retryAfterMs: 50, refusalsInARow: 1 });
    expect(buckets.take('token b', 0).allowed).toBe(true);
    expect(buckets.take('token a', 49).allowed).toBe(false);
    expect(buckets.take('token a', 50).allowed).toBe(true);
  });

  it('says how long until the next token, and counts the refusals in a row until one is allowed', () => {
    const buckets = new TokenBuckets(1, 2);
    buckets.take('k', 0);
    buckets.take('k', 0);

    expect(buckets.take('k', 250)).toEqual({ allowed: false, retryAfterMs: 750, refusalsInARow: 1 });
    expect(buckets.take('k', 500)).toEqual({ allowed: false, retryAfterMs: 500, refusalsInARow: 2 });
    expect(buckets.take('k', 1000).allowed).toBe(true);
    expect(buckets.take('k', 1000)).toEqual({ allowed: false, retryAfterMs: 1000, refusalsInARow: 1 });
  });

  it('never holds more than a full bucket, however long a key was idle', () => {
    const buckets = new TokenBuckets(10, 20);
    const taken = Array.from({ length: 25 }, () => buckets.take('k', 3_600_000));

    expect(taken.filter((t) => t.allowed)).toHaveLength(20);
  });

  it('forgets keys whose bucket has refilled, so a stream of new keys does not grow the map', () => {
    const buckets = new TokenBuckets(10, 20);
    for (let i = 0; i < 1000; i++) buckets.take(`client ${i}`, 0);
    expect(buckets.size).toBe(1000);

    buckets.take('client late', 2_000);

    expect(buckets.size).toBe(1);
  });
});
