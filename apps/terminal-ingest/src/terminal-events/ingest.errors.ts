import type { EventError } from '@posledger/domain';

/** Errors of the ingest use case, each with a stable code; the HTTP controller maps them to statuses. */
export class UnauthenticatedTerminalError extends Error {
  readonly code = 'INGEST.UNAUTHENTICATED';
}

export class RateLimitedError extends Error {
  readonly code = 'INGEST.RATE_LIMITED';
}

export class InvalidBatchError extends Error {
  readonly code = 'INGEST.INVALID_BATCH';
  constructor(readonly errors: readonly EventError[]) {
    super(`${errors.length} invalid event(s); nothing of the batch was taken`);
  }
}

export class TransportUnavailableError extends Error {
  readonly code = 'INGEST.TRANSPORT_UNAVAILABLE';
}
