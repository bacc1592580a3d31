import { IngestClient } from './ingest-client';
import { SimulationRun } from './simulation-run';
import { TerminalEvent } from './terminal-event';
import { runTerminal } from './terminal-runner';
import { startLocalIngestServer } from './test-support/local-ingest-server';
import { simulatedScript } from './test-support/simulated-script';

describe('runTerminal', () => {
  it('keeps the events of an outage and sends them in order once it ends, the offline sales forwarded', async () => {
    const script = simulatedScript(5, { rates: { outage: 0.15, offlineDecline: 0.3 }, offlineUpToMinor: 50_000n });
    const received: { events: TerminalEvent[]; scriptOffline: boolean }[] = [];
    const server = await startLocalIngestServer((request) => {
      const { events } = JSON.parse(request.rawBody) as { events: TerminalEvent[] };
      received.push({ events, scriptOffline: script.offline });
      return { status: 202, body: { accepted: events.length, duplicates: 0 } };
    });
    const run = new SimulationRun(Date.now(), { deadlineMs: null, maxEvents: 600 }, Date.now);
    run.books.registerTerminal({ terminalId: 't-1', merchantId: 'm-1', currency: 'CNY' });

    // One event a batch: a terminal that did not keep its events would send each as soon as it happened.
    const client = new IngestClient({ ingestUrl: server.url });
    await runTerminal({ terminalId: 't-1', merchantId: 'm-1', secret: 's', script, client, run, batchSize: 1, eventsPerSecond: null, settleAtEnd: true }).finally(() => server.close());

    expect(run.failures).toEqual([]);
    expect(received.filter((batch) => batch.scriptOffline)).toEqual([]);
    const stream = received.flatMap((batch) => batch.events);
    expect(stream.map((event) => event.sequence)).toEqual(stream.map((_, index) => index + 1));
    const offline = new Set(stream.flatMap((event) => (event.type === 'authorization.approved_offline' ? [event.transactionId] : [])));
    const answered = stream.filter((event) => (event.type === 'authorization.approved' || event.type === 'authorization.declined') && offline.has(event.transactionId));
    expect(offline.size).toBeGreaterThan(10);
    expect(answered).toHaveLength(offline.size);
    expect(BigInt(run.books.totalsByMerchant()['m-1']?.offlineDeclined ?? '0')).toBeGreaterThan(0n);
  });
});
