// What ingest answers to requests it refuses, on its real adapters: the status of the contract, one error body
// for every answer (Fastify's own refusals included), a warning line per client mistake, stacks only for faults.
import { randomUUID } from 'node:crypto';
import { connect, type AddressInfo } from 'node:net';
import { OCCURRED_AT_MAX_AGE_MS, OCCURRED_AT_MAX_AHEAD_MS } from '@posledger/domain';
import { INGEST_BODY_LIMIT_BYTES } from '../ingest-body-limit';
import { signedHeaders, startIngestUnderTest, type IngestAnswer, type IngestUnderTest } from '../test-support/ingest-under-test';
import { validEvent } from '../test-support/valid-terminal-events';

const ids = () => ({ eventId: randomUUID(), transactionId: randomUUID() });
const batchAt = (occurredAtMs: number) => JSON.stringify({ events: [validEvent('receipt.emailed', ids(), 1, occurredAtMs)] });
const json = (answer: IngestAnswer) => JSON.parse(answer.text) as Record<string, unknown>;

describe('ingest answers', () => {
  let ingest: IngestUnderTest;

  beforeAll(async () => {
    ingest = await startIngestUnderTest();
  });

  afterAll(async () => {
    await ingest.close();
  });

  beforeEach(() => ingest.logs.clear());

  afterEach(() => {
    expect(ingest.logs.errors).toEqual([]);
  });

  describe('X-Terminal-Id is checked before anything is looked up', () => {
    it('a 4,096-character X-Terminal-Id is 401 saying what an id is, not a 500 from the store', async () => {
      const body = batchAt(Date.now());
      const answer = await ingest.postSigned(body, { 'x-terminal-id': 'a'.repeat(4096) });
      expect({ status: answer.status, body: json(answer) }).toEqual({
        status: 401,
        body: { error: 'INGEST.UNAUTHENTICATED', message: 'X-Terminal-Id must be 1-64 letters, digits, _ . -' },
      });
    });

    it('a missing X-Terminal-Id is 401 saying it is required', async () => {
      const body = batchAt(Date.now());
      const { 'x-terminal-id': _dropped, ...headers } = signedHeaders(ingest.secret, body);
      const answer = await ingest.inject({ headers, payload: body });
      expect({ status: answer.status, body: json(answer) }).toEqual({ status: 401, body: { error: 'INGEST.UNAUTHENTICATED', message: 'X-Terminal-Id is required' } });
    });

    it('a well-formed id of no terminal is 401 unknown terminal', async () => {
      const answer = await ingest.postSigned(batchAt(Date.now()), { 'x-terminal-id': 't-404' });
      expect({ status: answer.status, body: json(answer) }).toEqual({ status: 401, body: { error: 'INGEST.UNAUTHENTICATED', message: 'unknown terminal' } });
    });
  });

  it('a timestamp in seconds is 401 saying milliseconds are expected', async () => {
    const body = batchAt(Date.now());
    const answer = await ingest.postSigned(body, { 'x-timestamp': String(Math.floor(Date.now() / 1000)) });
    expect(json(answer)).toEqual({ error: 'INGEST.UNAUTHENTICATED', message: 'X-Timestamp must be unix milliseconds; this looks like seconds' });
  });

  describe('occurredAt must lie within 35 days before and 15 minutes after the request', () => {
    it.each([
      ['more than 35 days before', -OCCURRED_AT_MAX_AGE_MS - 60_000, 'is more than 35 days before the platform received it'],
      ['more than 15 minutes after', OCCURRED_AT_MAX_AHEAD_MS + 60_000, 'is more than 15 minutes after the platform received it'],
    ])('an event %s is 400 naming events[i].occurredAt, and nothing of the batch is taken', async (_name, offsetMs, reason) => {
      const now = Date.now();
      const good = validEvent('receipt.emailed', ids(), 1, now);
      const late = validEvent('receipt.emailed', ids(), 2, now + offsetMs);
      const before = ingest.published.length;
      const answer = await ingest.postSigned(JSON.stringify({ events: [good, late] }));
      expect({ status: answer.status, errors: json(answer).errors }).toEqual({
        status: 400,
        errors: [{ index: 1, field: 'occurredAt', message: `events[1].occurredAt: ${reason}` }],
      });
      expect(ingest.published).toHaveLength(before);
      expect(ingest.seen.has('t-1', good.eventId as string)).toBe(false);
    });

    it('events just inside the window are taken', async () => {
      const now = Date.now();
      const events = [validEvent('receipt.emailed', ids(), 1, now - OCCURRED_AT_MAX_AGE_MS + 60_000), validEvent('receipt.emailed', ids(), 2, now + OCCURRED_AT_MAX_AHEAD_MS - 60_000)];
      const answer = await ingest.postSigned(JSON.stringify({ events }));
      expect({ status: answer.status, body: json(answer) }).toEqual({ status: 202, body: { accepted: 2, duplicates: 0 } });
    });
  });

  describe("Fastify's and Node's own refusals have the contract's error body", () => {
    it.each([
      ['another content type', { 'content-type': 'application/xml' }, 415, { error: 'INGEST.UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type must be application/json' }],
      ['no content type', { 'content-type': '' }, 415, { error: 'INGEST.UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type must be application/json' }],
    ])('%s is refused with the error body', async (_name, headers, status, body) => {
      const answer = await ingest.postSigned(batchAt(Date.now()), headers);
      expect({ status: answer.status, body: json(answer) }).toEqual({ status, body });
    });

    it('a body over the limit is 413', async () => {
      const answer = await ingest.postSigned(`{"events":["${'x'.repeat(INGEST_BODY_LIMIT_BYTES)}"]}`);
      expect({ status: answer.status, body: json(answer) }).toEqual({ status: 413, body: { error: 'INGEST.BODY_TOO_LARGE', message: `the body is over ${INGEST_BODY_LIMIT_BYTES} bytes` } });
    });

    it('a body that is not JSON is 400 with the batch error body', async () => {
      const answer = await ingest.postSigned('{"events": [');
      expect({ status: answer.status, body: json(answer) }).toEqual({
        status: 400,
        body: { error: 'INGEST.INVALID_BATCH', message: '1 invalid event(s); nothing of the batch was taken', errors: [{ index: null, field: 'body', message: 'body is not valid JSON' }] },
      });
    });

    it('another route or method is 404, a path that is not a valid URL 400, without repeating the path', async () => {
      const notFound = await ingest.inject({ method: 'GET', url: '/v1/4111111111111111', headers: {} });
      expect({ status: notFound.status, body: json(notFound) }).toEqual({ status: 404, body: { error: 'INGEST.NOT_FOUND', message: 'no such route: terminals POST /v1/terminal-events' } });
      const put = await ingest.inject({ method: 'PUT', headers: {}, payload: '{}' });
      expect(put.status).toBe(404);
      const badUrl = await ingest.inject({ method: 'GET', url: '/v1/terminal-events/%E0%A4%A', headers: {} });
      expect({ status: badUrl.status, body: json(badUrl) }).toEqual({ status: 400, body: { error: 'INGEST.MALFORMED_REQUEST', message: 'the request could not be read' } });
    });

    it("a request Node's HTTP parser cannot read is 400 on the socket, with the same body", async () => {
      await ingest.app.listen(0, '127.0.0.1');
      const { port } = ingest.app.getHttpServer().address() as AddressInfo;
      const raw = await new Promise<string>((resolve, reject) => {
        let received = '';
        const socket = connect(port, '127.0.0.1', () => socket.write('POST /v1/terminal-events HTTP/1.1\r\nHost: x\r\nX-Terminal-Id: t\u0001\r\n\r\n'));
        socket.on('data', (chunk) => (received += chunk.toString('latin1')));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ error: 'INGEST.MALFORMED_REQUEST', message: 'the request could not be read' });
    });
  });

  describe('logging', () => {
    it('a client mistake is one warning line, without a stack trace', async () => {
      await ingest.postSigned(batchAt(Date.now()), { 'x-terminal-id': 'a'.repeat(4096) });
      expect(ingest.logs.warnings).toEqual(['401 INGEST.UNAUTHENTICATED: X-Terminal-Id must be 1-64 letters, digits, _ . -']);
    });

    it('a refused batch is logged without the values it carried', async () => {
      const event = { ...validEvent('authorization.declined', ids(), 1, Date.now()), payload: { responseCode: '05', reason: 'card 4111 1111 1111 1111' } };
      const answer = await ingest.postSigned(JSON.stringify({ events: [event] }));
      expect(answer.status).toBe(400);
      expect(answer.text).not.toContain('4111');
      expect(ingest.logs.warnings).toEqual(['400 INGEST.INVALID_BATCH: 1 invalid event(s); nothing of the batch was taken']);
    });
  });
});

describe('ingest faults', () => {
  it('a transport that is down is 503 with Retry-After, logged as an error with its stack', async () => {
    const ingest = await startIngestUnderTest({
      producer: (real) => ({ publish: () => Promise.reject(new Error('broker unreachable')), close: () => real.close() }),
    });
    try {
      const answer = await ingest.postSigned(batchAt(Date.now()));
      expect({ status: answer.status, retryAfter: answer.headers['retry-after'], body: json(answer) }).toEqual({
        status: 503,
        retryAfter: '2',
        body: { error: 'INGEST.TRANSPORT_UNAVAILABLE', message: 'transport did not take the batch: broker unreachable' },
      });
      expect(ingest.logs.errors).toEqual([{ message: '503 INGEST.TRANSPORT_UNAVAILABLE: transport did not take the batch: broker unreachable', stack: expect.stringContaining('at ') }]);
      expect(ingest.logs.warnings).toEqual([]);
    } finally {
      await ingest.close();
    }
  });

  it('an unexpected failure is 500 with the contract error body and its stack in the log, not in the answer', async () => {
    const ingest = await startIngestUnderTest({ directory: { isProvisioned: () => Promise.reject(new Error('registry exploded')) } });
    try {
      const answer = await ingest.postSigned(batchAt(Date.now()));
      expect({ status: answer.status, body: json(answer) }).toEqual({ status: 500, body: { error: 'INGEST.INTERNAL_ERROR', message: 'internal error' } });
      expect(ingest.logs.errors).toEqual([{ message: '500 INGEST.INTERNAL_ERROR: internal error', stack: expect.stringContaining('registry exploded') }]);
    } finally {
      await ingest.close();
    }
  });
});
