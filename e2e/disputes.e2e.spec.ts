// Disputes (chargebacks) through the operators' CLI while the platform runs: opened on settled sales (their amount
// held from the merchant's funds), one lost with the acquirer's fee and one won; refusals change nothing; the
// terminal's next events, decided by a ledger whose cached state the CLI made stale, still apply exactly once.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, qrSale, type RawEvent } from './support/terminal-http';

jest.setTimeout(120_000);

const T = 'd-1';
const BALANCES = '{ balances { settled { minor } fees { minor } available { minor } held { minor } } }';

describe('disputes (chargebacks)', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let secret: string;
  let sequence = 0;
  const [lost, won, open] = [randomUUID(), randomUUID(), randomUUID()];
  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => event(T, ++sequence, type, payload, transactionId);
  const sale = (id: string, amountMinor: string): RawEvent[] => {
    const events = qrSale(T, sequence + 1, amountMinor, id);
    sequence += events.length;
    return events;
  };
  const post = async (events: RawEvent[]) => postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events }));
  const query = async <R>(document: string) => (await graphql<R>(platform.graphqlUrl, token, document)).data;
  const dispute = (...args: string[]) => cliRun(env, ['dispute', ...args, '--terminal', T]);

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-disputes-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-cb', '--name', '电器行', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-cb', '--id', T]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', 'm-cb']).token;
    platform = await startPlatformProcess(env);
    const day = [
      next('operator.signed_in', { operatorId: 'op-1' }),
      ...sale(lost, '10000'), ...sale(won, '20000'),
      next('settlement.closed', { batchNumber: 1, totals: [{ method: 'WECHAT_PAY', count: 2, amountMinor: '30000', currency: 'CNY' }] }),
      ...sale(open, '5000'),
    ];
    expect((await post(day)).status).toBe(202);
    // Fees: 60 bp of 300.00.
    await eventually(() => query<{ balances: unknown[] }>(BALANCES), (d) => JSON.stringify(d?.balances).includes('"180"'), { what: 'the settled batch' });
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('refuses, changing nothing: a sale not settled yet, more than the sale, an unknown dispute', async () => {
    expect(dispute('open', '--id', 'cb-0', '--transaction', open, '--amount', '100', '--reason', 'not received').stderr).toContain('LEDGER.NOT_DISPUTABLE');
    expect(dispute('open', '--id', 'cb-0', '--transaction', lost, '--amount', '10001', '--reason', 'not received').stderr).toContain('LEDGER.DISPUTE_EXCEEDS_SALE');
    expect(dispute('won', '--id', 'cb-9').stderr).toContain('LEDGER.UNKNOWN_DISPUTE');
    expect((await query<{ disputes: unknown[] }>('{ disputes { id } }'))?.disputes).toEqual([]);
  });

  it('holds the disputed amounts, then gives back the won one and takes the lost one with its fee', async () => {
    expect(dispute('open', '--id', 'cb-1', '--transaction', lost, '--amount', '10000', '--reason', 'fraud: card not present').status).toBe(0);
    expect(dispute('open', '--id', 'cb-2', '--transaction', won, '--amount', '8000', '--reason', 'goods not received').status).toBe(0);
    const held = await eventually(() => query<{ balances: unknown[] }>(BALANCES), (d) => JSON.stringify(d?.balances).includes('"18000"'), { what: 'both disputes held' });
    expect(held?.balances).toEqual([{ settled: { minor: '12000' }, fees: { minor: '180' }, available: { minor: '11820' }, held: { minor: '18000' } }]);
    expect((await query<{ disputes: unknown[] }>('{ disputes(status: "OPEN") { id status amount { minor } } }'))?.disputes).toEqual([
      { id: 'cb-2', status: 'OPEN', amount: { minor: '8000' } },
      { id: 'cb-1', status: 'OPEN', amount: { minor: '10000' } },
    ]);

    expect(dispute('evidence', '--id', 'cb-2', '--evidence', 'Signed delivery note DN-2231').status).toBe(0);
    expect(dispute('evidence', '--id', 'cb-2', '--evidence', 'again').stderr).toContain('LEDGER.EVIDENCE_SUBMITTED');
    const answered = await eventually(() => query<{ disputes: unknown[] }>('{ disputes { id evidenceStatus evidence } }'), (d) => JSON.stringify(d).includes('SUBMITTED'), { what: 'the evidence' });
    expect(answered?.disputes).toEqual([
      { id: 'cb-2', evidenceStatus: 'SUBMITTED', evidence: 'Signed delivery note DN-2231' },
      { id: 'cb-1', evidenceStatus: 'NONE', evidence: null },
    ]);

    expect(dispute('lost', '--id', 'cb-1', '--fee', '1500').status).toBe(0);
    expect(dispute('won', '--id', 'cb-2').status).toBe(0);
    expect(dispute('won', '--id', 'cb-2').stderr).toContain('LEDGER.DISPUTE_RESOLVED');
    const resolved = await eventually(() => query<{ balances: unknown[] }>(BALANCES), (d) => JSON.stringify(d?.balances).includes('"held":{"minor":"0"}'), { what: 'both resolved' });
    expect(resolved?.balances).toEqual([{ settled: { minor: '20000' }, fees: { minor: '1680' }, available: { minor: '18320' }, held: { minor: '0' } }]);
    const DISPUTES = '{ disputes { id status fee { minor } reason resolvedAt } }';
    const listed = (await query<{ disputes: { id: string; status: string; fee: { minor: string }; reason: string; resolvedAt: string | null }[] }>(DISPUTES))?.disputes ?? [];
    expect(listed.map(({ id, status, fee, reason }) => ({ id, status, fee: fee.minor, reason }))).toEqual([
      { id: 'cb-2', status: 'WON', fee: '0', reason: 'goods not received' },
      { id: 'cb-1', status: 'LOST', fee: '1500', reason: 'fraud: card not present' },
    ]);
    expect(listed.every((d) => d.resolvedAt !== null)).toBe(true);
    // The lost chargeback leaves net as disputes, its fee as fees, as in the balances; the won one changes nothing there.
    const SUMMARY = '{ salesSummary(from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z", groupBy: PAYMENT_METHOD) { key gross { minor } fees { minor } disputes { minor } net { minor } } }';
    expect((await query<{ salesSummary: unknown[] }>(SUMMARY))?.salesSummary).toEqual([
      { key: 'WECHAT_PAY', gross: { minor: '35000' }, fees: { minor: '1680' }, disputes: { minor: '10000' }, net: { minor: '23320' } },
    ]);
  });

  it("applies the terminal's next events exactly once after the CLI wrote to its stream", async () => {
    const more = [...sale(randomUUID(), '700'), next('settlement.closed', { batchNumber: 2, totals: [{ method: 'WECHAT_PAY', count: 2, amountMinor: '5700', currency: 'CNY' }] })];
    expect((await post(more)).status).toBe(202);
    // 20000 + 5000 + 700 settled; fees 180 + 1500 + 60 bp of 57.00 (34).
    const after = await eventually(() => query<{ balances: unknown[] }>(BALANCES), (d) => JSON.stringify(d?.balances).includes('"25700"'), { what: 'the second batch' });
    expect(after?.balances).toEqual([{ settled: { minor: '25700' }, fees: { minor: '1714' }, available: { minor: '23986' }, held: { minor: '0' } }]);
    const BATCHES = '{ settlementBatches(from: "2020-01-01", to: "2100-01-01") { batchNumber status } }';
    expect((await query<{ settlementBatches: unknown[] }>(BATCHES))?.settlementBatches).toEqual(expect.arrayContaining([{ batchNumber: 2, status: 'MATCHED' }]));
  });
});
