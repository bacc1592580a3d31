const INITIAL_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;

/** Exponential back-off before redelivering a batch whose handler failed `failures` times in a row. */
export function retryBackoffMs(failures: number): number {
  return Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
}
