import { createHmac } from 'node:crypto';
import { runSimulation, SimulatedTerminal } from './run-simulation';
import { SimulationProgress } from './simulation-report';
import { TerminalEvent } from './terminal-event';
import { CannedAnswer, header, LocalIngestServer, ReceivedRequest, startLocalIngestServer } from './test-support/local-ingest-server';

const TERMINALS: SimulatedTerminal[] = [
  { terminalId: 't-1', merchantId: 'm-1', secret: 'secret-of-t-1-7f3a', currency: 'CNY' },
  { terminalId: 't-2', merchantId: 'm-1', secret: 'secret-of-t-2-91bc', currency: 'CNY' },
  { terminalId: 't-3', merchantId: 'm-2', secret: 'secret-of-t-3-0d4e', currency: 'CNY' },
];

/** A stand-in for terminal-ingest: checks signatures, deduplicates by eventId, answers 503 once per terminal. */
class FakeIngest {
  readonly taken = new Map<string, TerminalEvent[]>();
  private readonly seen = new Set<string>();
  private readonly unavailableOnce = new Set<string>();

  constructor(
    private readonly secrets: Map<string, string>,
    private readonly refusedTerminals: ReadonlySet<string> = new Set(),
  ) {}

  answer(request: ReceivedRequest): CannedAnswer {
    const terminalId = header(request, 'x-terminal-id');
    const secret = this.secrets.get(terminalId);
    const expected = createHmac('sha256', secret ?? '').update(`${header(request, 'x-timestamp')}.${request.rawBody}`).digest('hex');
    if (secret === undefined || header(request, 'x-signature') !== expected) return { status: 401, body: { error: 'bad signature' } };
    if (this.refusedTerminals.has(terminalId)) return { status: 400, body: { errors: [{ index: 0, reason: 'UNKNOWN_TERMINAL' }] } };
    const { events } = JSON.parse(request.rawBody) as { events: TerminalEvent[] };
    const fresh = events.filter((event) => !this.seen.has(event.eventId));
    fresh.forEach((event) => this.seen.add(event.eventId));
    this.taken.set(terminalId, [...(this.taken.get(terminalId) ?? []), ...fresh]);
    if (!this.unavailableOnce.has(terminalId)) {
      // Taken, but the answer is lost: the resend must come back as duplicates.
      this.unavailableOnce.add(terminalId);
      return { status: 503, body: { error: 'try again' }, headers: { 'retry-after': '0' } };
    }
    return { status: 202, body: { accepted: fresh.length, duplicates: events.length - fresh.length } };
  }
}

function approvedNotVoidedGross(events: readonly TerminalEvent[]): { count: number; gross: bigint } {
  const amounts = new Map<string, bigint>();
  const approved = new Set<string>();
  const holds = new Set<string>();
  for (const event of events) {
    const id = event.transactionId;
    if (event.type === 'amount.entered' && id !== undefined) amounts.set(id, BigInt(event.payload.amountMinor));
    if (event.type === 'preauthorization.requested' && id !== undefined) holds.add(id);
    // A hold is no sale; its completion is, for what it says.
    if (event.type === 'preauthorization.completed' && id !== undefined) amounts.set(id, BigInt(event.payload.amountMinor));
    const sells = (event.type === 'authorization.approved' && !holds.has(id ?? '')) || event.type === 'cash.received' || event.type === 'preauthorization.completed';
    if (sells && id !== undefined) approved.add(id);
    if (event.type === 'transaction.voided') approved.delete(event.payload.originalTransactionId);
  }
  return { count: approved.size, gross: [...approved].reduce((sum, id) => sum + (amounts.get(id) ?? 0n), 0n) };
}

describe('runSimulation', () => {
  let server: LocalIngestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('plays every terminal through the ingest API and books exactly what was accepted', async () => {
    const ingest = new FakeIngest(new Map(TERMINALS.map((terminal) => [terminal.terminalId, terminal.secret])));
    server = await startLocalIngestServer((request) => ingest.answer(request));
    const progress: SimulationProgress[] = [];

    const report = await runSimulation({
      ingestUrl: server.url,
      terminals: TERMINALS,
      maxEvents: 3_000,
      batchSize: 25,
      seed: 2026,
      startAt: '2026-11-23T08:00:00.000Z',
      onProgress: (update) => progress.push(update),
    });

    const taken = [...ingest.taken.values()].flat();
    expect(report.failures).toEqual([]);
    expect(report.seed).toBe(2026);
    expect(report.eventsSent).toBe(taken.length);
    expect(report.duplicates).toBe(25 * TERMINALS.length);
    expect(report.eventsSent).toBeGreaterThan(2_900);
    expect(report.eventsSent).toBeLessThanOrEqual(3_000 + 40 * TERMINALS.length);
    expect(progress[progress.length - 1]).toMatchObject({ eventsSent: report.eventsSent, batchesAccepted: report.batchesAccepted });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);

    for (const terminal of TERMINALS) {
      const stream = ingest.taken.get(terminal.terminalId) ?? [];
      expect(stream.map((event) => event.sequence)).toEqual(stream.map((_, index) => index + 1));
      expect(stream.slice(-2).map((event) => event.type)).toEqual(['settlement.closed', 'operator.signed_out']);
      const expected = approvedNotVoidedGross(stream);
      expect(report.totals[terminal.merchantId]?.byTerminal[terminal.terminalId]).toMatchObject({
        count: expected.count,
        gross: expected.gross.toString(),
      });
    }

    const m1 = report.totals['m-1'];
    const settledGross = [...(ingest.taken.get('t-1') ?? []), ...(ingest.taken.get('t-2') ?? [])]
      .flatMap((event) => (event.type === 'settlement.closed' ? event.payload.totals : []))
      .reduce((sum, line) => sum + BigInt(line.amountMinor), 0n);
    // What the batches captured (sales and their tips), and the cash sales no batch settles.
    expect(BigInt(m1?.gross ?? '0') + BigInt(m1?.tips ?? '0') - BigInt(m1?.byMethod.CASH.gross ?? '0')).toBe(settledGross);
    expect(BigInt(m1?.byMethod.CASH.gross ?? '0')).toBeGreaterThan(0n);
    expect(m1?.currency).toBe('CNY');
    const byMethodGross = Object.values(m1?.byMethod ?? {}).reduce((sum, figures) => sum + BigInt(figures.gross), 0n);
    expect(byMethodGross.toString()).toBe(m1?.gross);
  });

  it('stops a terminal at a refused batch, records the error body and books none of it', async () => {
    const ingest = new FakeIngest(new Map(TERMINALS.map((terminal) => [terminal.terminalId, terminal.secret])), new Set(['t-3']));
    server = await startLocalIngestServer((request) => ingest.answer(request));

    const report = await runSimulation({ ingestUrl: server.url, terminals: TERMINALS, maxEvents: 600, seed: 7 });

    expect(report.failures).toEqual([
      {
        terminalId: 't-3',
        merchantId: 'm-2',
        firstSequence: 1,
        lastSequence: 20,
        eventCount: 20,
        status: 400,
        error: '{"errors":[{"index":0,"reason":"UNKNOWN_TERMINAL"}]}',
        attempts: 1,
      },
    ]);
    expect(server.requests.filter((request) => header(request, 'x-terminal-id') === 't-3')).toHaveLength(1);
    expect(report.totals['m-2']).toMatchObject({ count: 0, gross: '0', voids: '0', refunds: '0' });
    expect(report.totals['m-1']?.count).toBeGreaterThan(0);
  });

  it('runs on the live clock for a duration at a target rate', async () => {
    const ingest = new FakeIngest(new Map(TERMINALS.map((terminal) => [terminal.terminalId, terminal.secret])));
    server = await startLocalIngestServer((request) => ingest.answer(request));
    const startedAt = Date.now();

    const report = await runSimulation({
      ingestUrl: server.url,
      terminals: TERMINALS,
      durationSeconds: 0.5,
      eventsPerSecond: 300,
      batchSize: 10,
      seed: 1,
    });

    expect(report.failures).toEqual([]);
    expect(report.eventsSent).toBeGreaterThan(50);
    expect(report.eventsSent).toBeLessThan(400);
    const taken = [...ingest.taken.values()].flat();
    for (const event of taken) expect(Date.parse(event.occurredAt)).toBeGreaterThanOrEqual(startedAt - 1);
  });

  it('stops starting flows once stopWhen holds, closing every open batch, with a budget far from spent', async () => {
    const ingest = new FakeIngest(new Map(TERMINALS.map((terminal) => [terminal.terminalId, terminal.secret])));
    server = await startLocalIngestServer((request) => ingest.answer(request));
    let accepted = 0;

    const report = await runSimulation({
      ingestUrl: server.url,
      terminals: TERMINALS,
      maxEvents: 1_000_000,
      seed: 3,
      onProgress: (progress) => (accepted = progress.eventsSent),
      stopWhen: () => accepted >= 500,
    });

    expect(report.failures).toEqual([]);
    expect(report.eventsSent).toBeGreaterThanOrEqual(500);
    expect(report.eventsSent).toBeLessThan(5_000);
    const taken = [...ingest.taken.values()].flat();
    expect(taken.filter((event) => event.type === 'settlement.closed').length).toBeGreaterThan(0);
  });

  it('rejects configurations it cannot run', async () => {
    await expect(runSimulation({ ingestUrl: 'http://127.0.0.1:1', terminals: [] })).rejects.toThrow(/at least one terminal/);
    await expect(runSimulation({ ingestUrl: 'http://127.0.0.1:1', terminals: TERMINALS, batchSize: 501 })).rejects.toThrow(/batchSize/);
    await expect(
      runSimulation({
        ingestUrl: 'http://127.0.0.1:1',
        terminals: [...TERMINALS, { terminalId: 't-4', merchantId: 'm-1', secret: 's', currency: 'USD' }],
        maxEvents: 1,
      }),
    ).rejects.toThrow(/settles in CNY/);
  });
});
