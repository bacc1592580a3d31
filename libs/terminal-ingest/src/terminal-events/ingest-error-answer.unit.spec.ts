import { HttpException, NotFoundException } from '@nestjs/common';
import { answerTo } from './ingest-error-answer';
import { InvalidBatchError, RateLimitedError, BatchNotTakenError, UnauthenticatedTerminalError } from './ingest.errors';

describe('the answer to an error', () => {
  it("maps the use case's errors to the contract's statuses, with Retry-After where the client should retry", () => {
    const errors = [{ index: 0, field: 'sequence', message: 'events[0].sequence: must be an integer from 1 to 2147483647' }];
    expect(answerTo(new InvalidBatchError(errors))).toEqual({
      status: 400,
      body: { error: 'INGEST.INVALID_BATCH', message: '1 invalid event(s); nothing of the batch was taken', errors },
    });
    expect(answerTo(new UnauthenticatedTerminalError('unknown terminal'))).toEqual({ status: 401, body: { error: 'INGEST.UNAUTHENTICATED', message: 'unknown terminal' } });
    expect(answerTo(new RateLimitedError('slow down', 2_500))).toEqual({ status: 429, body: { error: 'INGEST.RATE_LIMITED', message: 'slow down' }, retryAfterSeconds: 3 });
    expect(answerTo(new BatchNotTakenError('down'))).toEqual({ status: 503, body: { error: 'INGEST.TRANSPORT_UNAVAILABLE', message: 'down' }, retryAfterSeconds: 2 });
  });

  it("answers the framework's refusals in its own words, never repeating the request", () => {
    expect(answerTo(new HttpException('Unsupported Media Type: text/4111111111111111', 415))).toEqual({
      status: 415,
      body: { error: 'INGEST.UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type must be application/json' },
    });
    expect(answerTo(new HttpException('Request body is too large', 413)).body.error).toBe('INGEST.BODY_TOO_LARGE');
    expect(answerTo(new NotFoundException('Cannot GET /secret')).body).toEqual({ error: 'INGEST.NOT_FOUND', message: 'no such route: terminals POST /v1/terminal-events' });
    expect(answerTo(Object.assign(new Error("'/%E0' is not a valid url component"), { statusCode: 400, code: 'FST_ERR_BAD_URL' }))).toEqual({
      status: 400,
      body: { error: 'INGEST.MALFORMED_REQUEST', message: 'the request could not be read' },
    });
  });

  it('answers anything else 500 without its message: a fault of ours', () => {
    expect(answerTo(new RangeError('String does not fit in target buffer'))).toEqual({ status: 500, body: { error: 'INGEST.INTERNAL_ERROR', message: 'internal error' } });
    expect(answerTo(new HttpException('upstream', 502)).status).toBe(500);
    expect(answerTo(undefined).status).toBe(500);
    expect(answerTo('a string').status).toBe(500);
  });
});
