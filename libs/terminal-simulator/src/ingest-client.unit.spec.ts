import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { IngestClient } from './ingest-client';
import { Prng } from './prng';
import { TerminalEvent } from './terminal-event';
import { TrafficScript } from './traffic-script';
import { header, LocalIngestServer, ReceivedRequest, startLocalIngestServer } from './test-support/local-ingest-server';

const SECRET = 'f3c1a9e07b2d4c5e8a6b1d0c9e8f7a6b';
const CREDENTIALS = { terminalId: 't-1', secret: SECRET };

function someEvents(count: number): TerminalEvent[] {
  const script = new TrafficScript({
    prng: new Prng(3),
    terminalId: 't-1',
    currency: 'CNY',
    clock: { kind: 'simulated', startAt: Date.parse('2026-11-23T08:00:00.000Z') },
  });
  const events: TerminalEvent[] = [];
  while (events.length < count) events.push(...script.nextFlow());
  return events.slice(0, count);
}

function referenceSignature(request: ReceivedRequest): string {
  return createHmac('sha256', SECRET).update(`${header(request, 'x-timestamp')}.${request.rawBody}`).digest('hex');
}

function eventIdsOf(request: ReceivedRequest): string[] {
  const body = JSON.parse(request.rawBody) as { events: { eventId: string }[] };
  return body.events.map((event) => event.eventId);
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('IngestClient', () => {
  let server: LocalIngestServer | undefined;
  const waits: number[] = [];
  const recordSleep = async (ms: number): Promise<void> => {
    waits.push(ms);
  };

  afterEach(async () => {
    await server?.close();
    server = undefined;
    waits.length = 0;
  });

  it('posts the batch signed with HMAC-SHA256 of "<timestamp>.<raw body>"', async () => {
    server = await startLocalIngestServer(() => ({ status: 202, body: { accepted: 5, duplicates: 0 } }));
    const events = someEvents(5);
    const outcome = await new IngestClient({ ingestUrl: server.url }).sendBatch(CREDENTIALS, events);

    expect(outcome).toEqual({ kind: 'accepted', accepted: 5, duplicates: 0, attempts: 1 });
    const [request] = server.requests;
    if (request === undefined) throw new Error('no request arrived');
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/terminal-events');
    expect(header(request, 'x-terminal-id')).toBe('t-1');
    expect(header(request, 'content-type')).toBe('application/json');
    expect(Math.abs(Number(header(request, 'x-timestamp')) - Date.now())).toBeLessThan(60_000);
    expect(header(request, 'x-signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(header(request, 'x-signature')).toBe(referenceSignature(request));
    expect(JSON.parse(request.rawBody)).toEqual({ events });
  });

  it('resends the same event ids with a fresh timestamp and signature after a 503', async () => {
    server = await startLocalIngestServer((_, index) =>
      index === 0 ? { status: 503, body: { error: 'unavailable' }, headers: { 'retry-after': '0' } } : { status: 202, body: { accepted: 3, duplicates: 0 } },
    );
    let clock = 1_790_000_000_000;
    const client = new IngestClient({ ingestUrl: server.url, now: () => (clock += 1_000) });
    const outcome = await client.sendBatch(CREDENTIALS, someEvents(3));

    expect(outcome).toEqual({ kind: 'accepted', accepted: 3, duplicates: 0, attempts: 2 });
    const [first, second] = server.requests;
    if (first === undefined || second === undefined) throw new Error('expected two requests');
    expect(eventIdsOf(second)).toEqual(eventIdsOf(first));
    expect(second.rawBody).toBe(first.rawBody);
    expect(header(second, 'x-timestamp')).not.toBe(header(first, 'x-timestamp'));
    expect(header(first, 'x-signature')).toBe(referenceSignature(first));
    expect(header(second, 'x-signature')).toBe(referenceSignature(second));
  });

  it('honours Retry-After on 429 and backs off on 5xx until attempts run out', async () => {
    server = await startLocalIngestServer((_, index) =>
      index === 0 ? { status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '2' } } : { status: 500, body: { error: 'boom' } },
    );
    const client = new IngestClient({ ingestUrl: server.url, sleep: recordSleep, retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 150 } });
    const outcome = await client.sendBatch(CREDENTIALS, someEvents(2));

    expect(outcome).toEqual({ kind: 'failed', status: 500, error: '{"error":"boom"}', attempts: 4 });
    expect(server.requests).toHaveLength(4);
    expect(new Set(server.requests.map((request) => request.rawBody)).size).toBe(1);
    expect(waits[0]).toBe(2_000);
    for (const wait of waits.slice(1)) {
      expect(wait).toBeGreaterThanOrEqual(50);
      expect(wait).toBeLessThanOrEqual(150);
    }
  });

  it.each([400, 401, 413])('does not retry a %i and keeps the error body', async (status) => {
    server = await startLocalIngestServer(() => ({ status, body: { errors: [{ index: 0, reason: 'nope' }] } }));
    const outcome = await new IngestClient({ ingestUrl: server.url, sleep: recordSleep }).sendBatch(CREDENTIALS, someEvents(2));

    expect(outcome).toEqual({ kind: 'failed', status, error: '{"errors":[{"index":0,"reason":"nope"}]}', attempts: 1 });
    expect(server.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries network errors and reports the last one', async () => {
    const port = await closedPort();
    const client = new IngestClient({ ingestUrl: `http://127.0.0.1:${port}`, sleep: recordSleep, retry: { maxAttempts: 3 } });
    const outcome = await client.sendBatch(CREDENTIALS, someEvents(1));

    expect(outcome).toMatchObject({ kind: 'failed', status: null, attempts: 3 });
    expect(outcome.kind === 'failed' ? outcome.error : '').toMatch(/ECONNREFUSED/);
    expect(waits).toHaveLength(2);
  });

  it('accepts the full endpoint URL as well as the base URL', () => {
    expect(new IngestClient({ ingestUrl: 'http://h:3001/v1/terminal-events' }).endpoint).toBe('http://h:3001/v1/terminal-events');
    expect(new IngestClient({ ingestUrl: 'http://h:3001/' }).endpoint).toBe('http://h:3001/v1/terminal-events');
    expect(new IngestClient({ ingestUrl: 'http://h:3001/ingest' }).endpoint).toBe('http://h:3001/ingest/v1/terminal-events');
  });
});
