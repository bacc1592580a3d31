// Auditors through the public contract: figures as of an instant (recorded time), ledger exports, and the
// auditors' own trail.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@posledger/testing';
import { eventually, graphql, salesSummary } from './support/graphql-client';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned } from './support/terminal-http';

jest.setTimeout(120_000);

function sale(terminalId: string, firstSequence: number, amountMinor: string) {
  const id = randomUUID();
  return [
    event(terminalId, firstSequence, 'qr.scanned', { walletReference: 'WX-1' }, id),
    event(terminalId, firstSequence + 1, 'payment.method_selected', { method: 'WECHAT_PAY' }, id),
    event(terminalId, firstSequence + 2, 'amount.entered', { amountMinor, currency: 'CNY' }, id),
    event(terminalId, firstSequence + 3, 'authorization.requested', {}, id),
    event(terminalId, firstSequence + 4, 'authorization.approved', { authCode: 'A1', hostReference: 'H1' }, id),
  ];
}

/** Resolves once the millisecond clock reads later than `instant`. */
const clockPast = (instant: number): Promise<void> => waitFor(() => Date.now() > instant, { timeoutMs: 1_000, intervalMs: 1, what: `the clock to pass ${new Date(instant).toISOString()}` });

describe('auditors', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let auditor: string;
  let merchant: string;
  let other: string;
  let between: string;
  const exportUrl = (query: string) => `${platform.graphqlUrl.replace('/graphql', '')}/v1/exports/ledger?${query}`;

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-audit-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-a', '--name', 'Audited shop', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    cli(env, ['merchant', 'add', '--id', 'm-b', '--name', 'Other shop', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    const { secret } = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-a', '--id', 'a-1']);
    auditor = cli<{ token: string }>(env, ['token', '--auditor', '--name', 'kpmg-jane']).token;
    merchant = cli<{ token: string }>(env, ['token', '--merchant', 'm-a']).token;
    other = cli<{ token: string }>(env, ['token', '--merchant', 'm-b']).token;
    platform = await startPlatformProcess(env);

    const first = [event('a-1', 1, 'operator.signed_in', { operatorId: 'op-1' }), ...sale('a-1', 2, '1000')];
    expect((await postSigned(platform.ingestUrl, 'a-1', secret, JSON.stringify({ events: first }))).status).toBe(202);
    await eventually(() => salesSummary(platform.graphqlUrl, merchant, 'TERMINAL'), (b) => b[0]?.count === 1);
    // `between` splits the two sales by recorded time (asOf takes what was recorded strictly before it): the views
    // show the first sale, so it was recorded by now; wait for the clock to pass now, take `between`, and wait for
    // the clock to pass that too before the second sale is sent.
    await clockPast(Date.now());
    between = new Date().toISOString();
    await clockPast(Date.parse(between));
    expect((await postSigned(platform.ingestUrl, 'a-1', secret, JSON.stringify({ events: sale('a-1', 7, '2500') }))).status).toBe(202);
    await eventually(() => salesSummary(platform.graphqlUrl, merchant, 'TERMINAL'), (b) => b[0]?.count === 2);
  });

  afterAll(async () => {
    if (platform) await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('reproduces figures as of an instant of recorded time: sales summary and balances', async () => {
    const asOf = await graphql<{ salesSummary: { count: number; gross: { minor: string } }[] }>(
      platform.graphqlUrl,
      auditor,
      'query($at: String!) { salesSummary(merchantId: "m-a", from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: TERMINAL, asOf: $at) { count gross { minor } } }',
      { at: between },
    );
    expect(asOf.data?.salesSummary).toEqual([{ count: 1, gross: { minor: '1000' } }]);
    const balances = await graphql<{ then: { pending: { minor: string } }[]; now: { pending: { minor: string } }[] }>(
      platform.graphqlUrl,
      auditor,
      'query($at: String!) { then: balanceAsOf(merchantId: "m-a", at: $at) { pending { minor } } now: balances(merchantId: "m-a") { pending { minor } } }',
      { at: between },
    );
    expect(balances.data).toEqual({ then: [{ pending: { minor: '1000' } }], now: [{ pending: { minor: '3500' } }] });
  });

  it("exports the merchant's journal as CSV and JSON Lines, debits equal to credits", async () => {
    const period = 'merchantId=m-a&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z';
    const csv = await fetch(exportUrl(`${period}&format=csv`), { headers: { authorization: `Bearer ${auditor}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('"position","entry","recorded_at","occurred_at","terminal_id","transaction_id","event_type","account","currency","debit","credit"');
    expect(lines).toHaveLength(1 + 4);

    const jsonl = await fetch(exportUrl(`${period}&format=jsonl`), { headers: { authorization: `Bearer ${auditor}` } });
    const rows = (await jsonl.text()).trim().split('\n').map((line) => JSON.parse(line) as { debit: string; credit: string; account: string });
    expect(rows).toHaveLength(4);
    const sum = (field: 'debit' | 'credit') => rows.reduce((total, row) => total + BigInt(row[field]), 0n);
    expect(sum('debit')).toBe(3500n);
    expect(sum('credit')).toBe(3500n);
  });

  it('invariant 7: an export refuses another merchant and a missing token', async () => {
    const period = 'merchantId=m-a&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z';
    expect((await fetch(exportUrl(period), { headers: { authorization: `Bearer ${other}` } })).status).toBe(403);
    expect((await fetch(exportUrl(period))).status).toBe(401);
    expect((await fetch(exportUrl(`${period}&format=xml`), { headers: { authorization: `Bearer ${auditor}` } })).status).toBe(400);
  });

  it("records every auditor query and export (who, when, what), and shows the trail to auditors only", async () => {
    const trail = await graphql<{ auditTrail: { subject: string; action: string; operation: string; detail: string; at: string }[] }>(
      platform.graphqlUrl,
      auditor,
      '{ auditTrail(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { subject action operation detail at } }',
    );
    const entries = trail.data!.auditTrail;
    expect(entries.every((e) => e.subject === 'kpmg-jane')).toBe(true);
    expect(entries.map((e) => `${e.action} ${e.operation}`)).toEqual(
      expect.arrayContaining(['QUERY salesSummary', 'QUERY balanceAsOf,balances', 'EXPORT ledger', 'QUERY auditTrail']),
    );
    expect(entries.filter((e) => e.action === 'EXPORT')).toHaveLength(3);
    expect(JSON.parse(entries.find((e) => e.operation === 'salesSummary')!.detail).variables).toEqual({ at: between });
    const refused = await graphql(platform.graphqlUrl, merchant, '{ auditTrail(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { subject } }');
    expect(refused.errors?.[0].extensions?.code).toBe('REPORTS.NOT_AUTHORIZED');
  });
});
