// A crash at any point loses nothing and duplicates nothing: SIGKILL the platform while terminals stream,
// restart it, let the terminals retry, and every figure is exact. Then no store holds a full card number.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReadStore } from '@posledger/read-store';
import { runSimulation, type SimulatedTerminal, type SimulationReport } from '@posledger/terminal-simulator';
import { eventually, graphql, salesSummary } from './support/graphql-client';
import { luhnValidRuns } from './support/luhn-scan';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { daysAgoUtcMidnight } from './support/sim-clock';
import { figuresByKey } from './support/terminal-figures';
import { postSigned, event, qrSale } from './support/terminal-http';

jest.setTimeout(300_000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('crash recovery on embedded defaults', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let report: SimulationReport;
  const terminals: SimulatedTerminal[] = [];
  const logs: (() => string)[] = [];
  const start = async (): Promise<PlatformProcess> => {
    const started = await startPlatformProcess(env);
    logs.push(started.output);
    return started;
  };

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-crash-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-crash', '--name', 'Crash test shop', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    for (const terminalId of ['c-1', 'c-2', 'c-3', 'c-4', 'c-5', 'c-6']) {
      const { secret } = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-crash', '--id', terminalId]);
      terminals.push({ terminalId, merchantId: 'm-crash', secret, currency: 'CNY' });
    }
    token = cli<{ token: string }>(env, ['token', '--merchant', 'm-crash']).token;
  });

  afterAll(async () => {
    if (platform) await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('invariant 3: SIGKILL while terminals stream, restart, terminals retry: every figure exact', async () => {
    platform = await start();
    let kills = 0;
    let accepted = 0;
    const simulation = runSimulation({
      ingestUrl: platform.ingestUrl,
      terminals,
      maxEvents: 8000,
      eventsPerSecond: 1500,
      startAt: daysAgoUtcMidnight(4),
      seed: 7,
      batchSize: 20,
      // Terminals keep retrying for minutes: a restart on a loaded machine can take a while.
      retry: { maxAttempts: 150, baseDelayMs: 100, maxDelayMs: 2000 },
      onProgress: (progress) => (accepted = progress.eventsSent),
    });
    // Two crashes at different points of the stream, each followed by a restart on the same data and ports: once
    // the platform has taken 2,000 events, and once the restarted one has taken the total to 5,000 (of 8,000).
    for (const killAt of [2_000, 5_000]) {
      await eventually(
        () => accepted,
        (events) => events >= killAt,
        { timeoutMs: 120_000, intervalMs: 20, what: `the platform to have taken ${killAt} events before kill ${kills + 1}` },
      );
      await stopPlatformProcess(platform, 'SIGKILL');
      kills++;
      platform = await start();
    }
    report = await simulation;
    expect(kills).toBe(2);
    expect(report.failures).toEqual([]);
    expect(report.eventsSent).toBeGreaterThan(7000);

    const books = report.totals['m-crash'];
    const byTerminal = await eventually(
      () => salesSummary(platform.graphqlUrl, token, 'TERMINAL'),
      (buckets) => JSON.stringify(figuresByKey(buckets)) === JSON.stringify(books.byTerminal),
      90_000,
    );
    expect(figuresByKey(byTerminal)).toEqual(books.byTerminal);
  });

  it('invariant 2: after a PAN was masked and its disguises refused at ingest, no store and no log line holds a card number in any form', async () => {
    const sale = '5b3c1e9a-7d2f-4c8e-9a1b-2c3d4e5f6a7b';
    const pan = '4111111111111111';
    const secret = terminals[0].secret;
    // c-1's script stopped after its closing sign-out; continue its sequence.
    const next = report.terminals['c-1'].nextSequence;
    const refusalsLogged = (): number => platform.output().split('400 INGEST.INVALID_BATCH').length - 1;
    const refusalsBefore = refusalsLogged();
    const answer = await postSigned(
      platform.ingestUrl,
      'c-1',
      secret,
      JSON.stringify({ events: [event('c-1', next, 'operator.signed_in', { operatorId: 'op-scan' }), event('c-1', next + 1, 'card.inserted', { entryMode: 'SWIPE', maskedPan: pan, scheme: 'VISA' }, sale)] }),
    );
    expect(answer.status).toBe(202);
    // The same number in the forms ingest refuses: each batch is a 400 whose answer and log line do not repeat it.
    const disguised = ['4111 1111 1111 1111', '4111-1111-1111-1111', '\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11', `77${pan}5`];
    for (const [k, text] of disguised.entries()) {
      const refused = await postSigned(platform.ingestUrl, 'c-1', secret, JSON.stringify({ events: [event('c-1', next + 2 + k, 'qr.scanned', { walletReference: text }, sale)] }));
      expect(refused.status).toBe(400);
      expect(luhnValidRuns(JSON.stringify(refused.body))).toEqual([]);
    }
    // Before the stores and logs are scanned, what could put a number there has had its chance: a sale sent after
    // the refused batches is in the views (c-1's events are recorded and projected in order, so the card event is
    // too, and a refused event, had it been taken, would be), and the four refusals are in the log.
    const marker = qrSale('c-1', next + 2, '100');
    expect(await postSigned(platform.ingestUrl, 'c-1', secret, JSON.stringify({ events: marker }))).toMatchObject({ status: 202, body: { accepted: 5 } });
    await eventually(
      () => graphql<{ transaction: { status: string } | null }>(platform.graphqlUrl, token, 'query($id: ID!) { transaction(id: $id) { status } }', { id: marker[0].transactionId }),
      (r) => Boolean(r.data?.transaction),
      { what: 'the sale sent after the refused batches, in the views' },
    );
    await eventually(refusalsLogged, (count) => count >= refusalsBefore + disguised.length, { what: `the ${disguised.length} refusals in the platform's log` });
    await stopPlatformProcess(platform);

    const lmdbFiles = filesUnder(env.dataDir).filter((file) => !file.includes(`${join(env.dataDir, 'read-store')}`));
    expect(lmdbFiles.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of lmdbFiles) found.push(...luhnValidRuns(readFileSync(file).toString('latin1')).map((run) => `${file}: ${run}`));

    // The read store's files are compressed, so it is scanned through the engine: every row of every table.
    const readStore = await createReadStore({ dataDir: env.dataDir });
    try {
      const tables = await readStore.select<{ name: string }>("SELECT name FROM system.tables WHERE database = currentDatabase()");
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['sales_facts', 'ledger_events', 'postings', 'transaction_changes']));
      for (const { name } of tables) {
        const rows = await readStore.select<Record<string, unknown>>(`SELECT * FROM ${name}`);
        found.push(...luhnValidRuns(JSON.stringify(rows)).map((run) => `${name}: ${run}`));
      }
      const recorded = await readStore.select<{ data: string }>("SELECT data FROM ledger_events WHERE transaction_id = {sale:String} AND type = 'TerminalEventRecorded'", { sale });
      expect(recorded.map((r) => JSON.parse(r.data).event.payload.maskedPan)).toEqual(['411111******1111']);
    } finally {
      await readStore.close();
    }
    for (const [k, output] of logs.entries()) found.push(...luhnValidRuns(output()).map((run) => `log of process ${k}: ${run}`));
    expect(logs.length).toBeGreaterThan(2);
    expect(found).toEqual([]);
  });
});
