import type { EventError } from '@posledger/domain';

/** Errors of the ingest use case, each with a stable code; the HTTP controller maps them to statuses. */
export class UnauthenticatedTerminalError extends Error {
  readonly code = 'INGEST.UNAUTHENTICATED';
}

export class RateLimitedError extends Error {
  readonly code = 'INGEST.RATE_LIMITED';
  /** Whole seconds until the terminal's bucket holds what it asked for. */
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterMs: number) {
    super(message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

export class InvalidBatchError extends Error {
  readonly code = 'INGEST.INVALID_BATCH';
  constructor(readonly errors: readonly EventError[]) {
    super(`${errors.length} invalid event(s); nothing of the batch was taken`);
  }
}

/** The transport did not durably take the batch (whatever its own error was): the terminal retries it later. */
export class BatchNotTakenError extends Error {
  readonly code = 'INGEST.TRANSPORT_UNAVAILABLE';
}
