import { MAX_EVENTS_PER_BATCH } from '@posledger/domain';
import { TokenBuckets } from '@posledger/rate-limit';
import { RateLimitedError } from '../terminal-events/ingest.errors';

/**
 * What one terminal may send (invariant 9: one terminal never slows the others): requests per second, and events
 * per second, since one request carries up to 500 events. Both allow bursts of twice the rate; a full batch always
 * fits the event burst.
 */
export class TerminalRateLimits {
  private readonly requests: TokenBuckets;
  private readonly events: TokenBuckets;

  constructor(requestsPerSecond: number, eventsPerSecond: number) {
    this.requests = new TokenBuckets(requestsPerSecond, requestsPerSecond * 2);
    this.events = new TokenBuckets(eventsPerSecond, Math.max(eventsPerSecond * 2, MAX_EVENTS_PER_BATCH));
  }

  takeRequest(terminalId: string, nowMs: number): void {
    const take = this.requests.take(terminalId, nowMs);
    if (!take.allowed) throw new RateLimitedError(`over the terminal's rate of ${this.requests.ratePerSecond} requests/s`, take.retryAfterMs);
  }

  takeEvents(terminalId: string, nowMs: number, count: number): void {
    const take = this.events.take(terminalId, nowMs, count);
    if (!take.allowed) throw new RateLimitedError(`over the terminal's rate of ${this.events.ratePerSecond} events/s`, take.retryAfterMs);
  }
}
