/**
 * Failures of the store rather than of an event: a full disk, memory, a server out of reach. Retried for ever
 * (the views wait), never a reason to quarantine the event being written when it happened.
 */
const TRANSIENT = /No space left|NOT_ENOUGH_SPACE|Cannot reserve|ENOSPC|EDQUOT|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|Timeout exceeded|MEMORY_LIMIT_EXCEEDED|Memory limit/i;

export function isTransientStoreError(error: Error): boolean {
  return TRANSIENT.test(error.message);
}
