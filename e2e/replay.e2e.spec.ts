// The auditors' replay through the built CLI: against a running platform (the GraphQL mutation) and, with none
// running, on the stores directly. Both rebuild every view from position 0 and leave every figure as it was.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wechatPayBillText } from '@posledger/domain';
import { runSimulation, type SimulatedTerminal } from '@posledger/terminal-simulator';
import { eventually, graphql, salesSummary } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { daysAgoUtcMidnight } from './support/sim-clock';

jest.setTimeout(240_000);

interface ReplayReport {
  position: string;
  events: number;
  equal: boolean;
  switched: boolean;
  views: { view: string; liveRows: number; replayedRows: number; liveChecksum: string; replayedChecksum: string; equal: boolean }[];
}

const FIGURES = `query($m: ID!) {
  salesSummary(merchantId: $m, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: TERMINAL) { key count gross { minor } refunds { minor } voids { minor } fees { minor } net { minor } }
  balances(merchantId: $m) { currency pending { minor } settled { minor } fees { minor } available { minor } }
  settlementBatches(merchantId: $m, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { terminalId batchNumber status }
}`;

describe('posledger replay', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let auditor: string;
  let sent: number;
  const figures = async () => JSON.stringify(await graphql(platform.graphqlUrl, auditor, FIGURES, { m: 'm-1' }));

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-replay-e2e-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-1', '--name', 'Replay shop', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    const terminals: SimulatedTerminal[] = ['r-1', 'r-2'].map((terminalId) => ({
      terminalId,
      merchantId: 'm-1',
      currency: 'CNY',
      secret: cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-1', '--id', terminalId]).secret,
    }));
    auditor = cli<{ token: string }>(env, ['token', '--auditor']).token;
    platform = await startPlatformProcess(env);
    const report = await runSimulation({ ingestUrl: platform.ingestUrl, terminals, maxEvents: 1500, startAt: daysAgoUtcMidnight(4), seed: 4, batchSize: 25, settleAtEnd: true });
    expect(report.failures).toEqual([]);
    sent = report.totals['m-1'].count;
    await eventually(() => salesSummary(platform.graphqlUrl, auditor, 'TERMINAL', 'm-1'), (buckets) => buckets.reduce((n, b) => n + b.count, 0) === sent);
    // Money out too, so that every view has rows to replay: a lost chargeback, the payouts and a statement.
    const SETTLED = '{ transactions(merchantId: "m-1", first: 50, filter: { status: "SETTLED" }) { edges { node { id terminalId method } } } }';
    const settled = (await graphql<{ transactions: { edges: { node: { id: string; terminalId: string; method: string } }[] } }>(platform.graphqlUrl, auditor, SETTLED)).data?.transactions.edges ?? [];
    const sale = settled.map(({ node }) => node).find((node) => node.method !== 'CASH');
    if (!sale) throw new Error('no settled card or QR sale to dispute');
    expect(cliRun(env, ['dispute', 'open', '--terminal', sale.terminalId, '--id', 'cb-1', '--transaction', sale.id, '--amount', '1', '--reason', 'replayed']).status).toBe(0);
    expect(cliRun(env, ['dispute', 'lost', '--terminal', sale.terminalId, '--id', 'cb-1', '--fee', '1500']).status).toBe(0);
    expect(cli<{ payouts: unknown[] }>(env, ['payout', 'run', '--merchant', 'm-1']).payouts).toHaveLength(1);
    cli(env, ['statement', 'issue', '--merchant', 'm-1', '--date', new Date().toISOString().slice(0, 10)]);
    // And a WeChat Pay bill with a sale the ledger never saw, so that the reconciliation views have rows.
    const bill = join(env.dataDir, 'wechat.csv');
    writeFileSync(bill, wechatPayBillText([{ kind: 'SALE', reference: '4200000000000000001', merchantReference: '', refundReference: '', localTime: '2026-01-05 10:00:00', amount: { currency: 'CNY', minor: '999' }, fee: { currency: 'CNY', minor: '6' } }]));
    expect(cli<{ discrepancies: unknown[] }>(env, ['bills', 'import', '--merchant', 'm-1', '--source', 'wechat-pay', bill]).discrepancies).toHaveLength(1);
    await eventually(() => graphql<{ payouts: unknown[] }>(platform.graphqlUrl, auditor, '{ payouts(merchantId: "m-1", from: "2000-01-01", to: "2100-01-01") { id } }'), (result) => result.data?.payouts.length === 1);
  });

  afterAll(async () => {
    if (platform) await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('through the running platform: every view equals its replay, switched, and every figure is unchanged', async () => {
    const before = await figures();

    const result = spawnSync('node', [join(__dirname, '..', 'bin', 'posledger.js'), 'replay'], {
      env: { ...process.env, POSLEDGER_DATA: env.dataDir, REPORTS_PORT: String(env.reportsPort), INGEST_PORT: String(env.ingestPort) },
      encoding: 'utf8',
    });
    const report = JSON.parse(result.stdout) as ReplayReport;

    expect(result.status).toBe(0);
    expect(result.stderr).toContain('replaying through the platform');
    expect(report).toMatchObject({ equal: true, switched: true });
    expect(report.events).toBeGreaterThan(1500);
    expect(report.views.map((view) => view.view)).toEqual([
      'postings', 'settlement_batches', 'sales_facts', 'transaction_changes', 'ledger_events', 'merchants', 'terminal_sequences', 'shifts', 'disputes', 'terminal_activity', 'payouts', 'statements',
      'bill_files', 'bill_discrepancies', 'bill_three_way',
    ]);
    expect(report.views.every((view) => view.equal)).toBe(true);
    // terminal_sequences only has rows for terminals that held events behind a gap; this traffic arrives in order.
    expect(report.views.filter((view) => view.liveRows === 0).map((view) => view.view)).toEqual(['terminal_sequences']);
    expect(await figures()).toBe(before);
  });

  it('with no platform running, on the stores directly: the same checksums, and the platform then serves the same figures', async () => {
    const before = await figures();
    const throughPlatform = cli<ReplayReport>(env, ['replay']);
    await stopPlatformProcess(platform);

    const direct = cli<ReplayReport>(env, ['replay']);
    platform = await startPlatformProcess(env);

    // The replay through the platform was an auditor access, recorded in the event store: one more event, no view row.
    expect(direct).toMatchObject({ equal: true, switched: true });
    expect(Number(direct.position)).toBeGreaterThanOrEqual(Number(throughPlatform.position));
    expect(direct.views).toEqual(throughPlatform.views);
    expect(await eventually(figures, (now) => now === before)).toBe(before);
  });
});
