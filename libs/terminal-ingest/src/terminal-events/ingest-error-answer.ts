import { HttpException } from '@nestjs/common';
import type { EventError } from '@posledger/domain';
import { INGEST_BODY_LIMIT_BYTES } from '../ingest-body-limit';
import { InvalidBatchError, RateLimitedError, BatchNotTakenError, UnauthenticatedTerminalError } from './ingest.errors';

/** Every answer but 202 has this body: a stable code, a message, and for a refused batch the per-event errors. */
export interface IngestErrorBody {
  readonly error: string;
  readonly message: string;
  readonly errors?: readonly EventError[];
}

export interface IngestErrorAnswer {
  readonly status: number;
  readonly body: IngestErrorBody;
  readonly retryAfterSeconds?: number;
}

// The framework's refusals of a request, by status, in our words: its messages repeat request input (a content
// type, a path), and Nest hands Fastify's errors over as a status and that message only.
const REFUSALS_BY_STATUS: Readonly<Record<number, IngestErrorBody>> = {
  404: { error: 'INGEST.NOT_FOUND', message: 'no such route: terminals POST /v1/terminal-events' },
  413: { error: 'INGEST.BODY_TOO_LARGE', message: `the body is over ${INGEST_BODY_LIMIT_BYTES} bytes` },
  415: { error: 'INGEST.UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type must be application/json' },
};
const MALFORMED_REQUEST: IngestErrorBody = { error: 'INGEST.MALFORMED_REQUEST', message: 'the request could not be read' };

const INTERNAL_ERROR: IngestErrorAnswer = { status: 500, body: { error: 'INGEST.INTERNAL_ERROR', message: 'internal error' } };

function clientStatusOf(error: unknown): number | null {
  const status = error instanceof HttpException ? error.getStatus() : (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/**
 * The contract's answer to whatever stopped a request: the use case's errors (400, 401, 429, 503 with
 * Retry-After), the framework's refusals of the request itself (404, 413, 415, other 4xx), and 500 for anything
 * else, which is a fault of ours.
 */
export function answerTo(error: unknown): IngestErrorAnswer {
  if (error instanceof InvalidBatchError) return { status: 400, body: { error: error.code, message: error.message, errors: error.errors } };
  if (error instanceof UnauthenticatedTerminalError) return { status: 401, body: { error: error.code, message: error.message } };
  if (error instanceof RateLimitedError) return { status: 429, body: { error: error.code, message: error.message }, retryAfterSeconds: error.retryAfterSeconds };
  if (error instanceof BatchNotTakenError) return { status: 503, body: { error: error.code, message: error.message }, retryAfterSeconds: 2 };
  const status = clientStatusOf(error);
  if (status === null) return INTERNAL_ERROR;
  return { status, body: REFUSALS_BY_STATUS[status] ?? MALFORMED_REQUEST };
}
