// Pre-authorisations (预授权) through the public contract, at a hotel whose completions may exceed their holds by 10%
// and whose holds last 1 day: a hold completed partially (the rest released), one completed above the hold within the
// tolerance after a refused try beyond it, one cancelled, and one taken two days ago that the ledger's clock releases
// at its expiry without any further event. Only completions are sales; a hold moves no money.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, type RawEvent } from './support/terminal-http';

jest.setTimeout(120_000);

const T = 'h-1';
const DAY_MS = 86_400_000;
const TRANSACTION = `query ($id: ID!) { transaction(id: $id) { status amount { minor } held { minor } holdExpiresAt events { type data } } }`;

interface Hold {
  status: string;
  amount: { minor: string };
  held: { minor: string };
  holdExpiresAt: string | null;
  events: { type: string; data: string }[];
}

describe('pre-authorisations (预授权)', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let secret: string;
  let sequence = 0;
  const [partial, aboveHold, cancelled, expired] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => event(T, ++sequence, type, payload, transactionId);
  const held = (id: string, amountMinor: string): RawEvent[] => [
    next('card.inserted', { entryMode: 'CHIP', maskedPan: '622588******1234', scheme: 'UNIONPAY' }, id),
    next('pin.entered', { result: 'BYPASSED' }, id),
    next('payment.method_selected', { method: 'CREDIT' }, id),
    next('amount.entered', { amountMinor, currency: 'CNY' }, id),
    next('preauthorization.requested', {}, id),
    next('authorization.approved', { authCode: `P${sequence}`, hostReference: `H-${sequence}` }, id),
  ];
  const post = async (events: RawEvent[]) => postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events }));
  const query = async <R>(document: string, variables?: Record<string, unknown>) => (await graphql<R>(platform.graphqlUrl, token, document, variables)).data;
  const hold = async (id: string) => (await query<{ transaction: Hold | null }>(TRANSACTION, { id }))?.transaction ?? null;

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-preauth-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-hotel', '--name', '湖畔酒店', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    expect(cli(env, ['merchant', 'preauth', '--merchant', 'm-hotel', '--tolerance-percent', '10', '--expiry-days', '1'])).toEqual({ merchantId: 'm-hotel', tolerancePercent: 10, expiryDays: 1 });
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-hotel', '--id', T]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', 'm-hotel']).token;
    platform = await startPlatformProcess(env);

    // A guest checked in two days ago: the hold, taken then, expired yesterday.
    const twoDaysAgo = Date.now() - 2 * DAY_MS;
    const checkIn = [next('operator.signed_in', { operatorId: 'op-1' }), ...held(expired, '50000')].map((e, i) => ({ ...e, occurredAt: new Date(twoDaysAgo + i * 1000).toISOString() }));
    expect((await post(checkIn)).status).toBe(202);
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('refuses a tolerance above 100% and an expiry that is not a whole number of days', () => {
    expect(cliRun(env, ['merchant', 'preauth', '--merchant', 'm-hotel', '--tolerance-percent', '101', '--expiry-days', '1']).stderr).toContain('a completion tolerance is a whole percentage from 0 to 100');
    expect(cliRun(env, ['merchant', 'preauth', '--merchant', 'm-hotel', '--tolerance-percent', '10', '--expiry-days', '1.5']).stderr).toContain('--expiry-days must be a whole number');
  });

  it("releases a hold at its expiry by the ledger's clock, with no further event from the terminal", async () => {
    const released = await eventually(() => hold(expired), (h) => h?.status === 'RELEASED', { what: 'the expired hold released', timeoutMs: 30_000 });
    expect(released).toMatchObject({ amount: { minor: '50000' }, held: { minor: '50000' } });
    const release = JSON.parse(released?.events.find((e) => e.type === 'PreAuthorizationReleased')?.data ?? '{}');
    expect(release).toMatchObject({ reason: 'EXPIRED', occurredAt: released?.holdExpiresAt });
  });

  it('holds without selling, then sells only what the completions say, within the tolerance', async () => {
    const day = [
      ...held(partial, '80000'),
      ...held(aboveHold, '40000'),
      ...held(cancelled, '30000'),
    ];
    expect((await post(day)).status).toBe(202);
    const open = await eventually(() => hold(cancelled), (h) => h?.status === 'HELD', { what: 'the third hold' });
    expect(open?.holdExpiresAt).not.toBeNull();
    const HELD = '{ transactions(first: 10, filter: { status: "HELD" }) { edges { node { id held { minor } } } } }';
    const holds = (await query<{ transactions: { edges: { node: { id: string } }[] } }>(HELD))?.transactions.edges.map((e) => e.node.id).sort();
    expect(holds).toEqual([partial, aboveHold, cancelled].sort());
    const SUMMARY = '{ salesSummary(from: "2020-01-01", to: "2100-01-01", groupBy: TERMINAL) { count gross { minor } } }';
    expect((await query<{ salesSummary: unknown[] }>(SUMMARY))?.salesSummary).toEqual([]);

    const completions = [
      next('preauthorization.completed', { amountMinor: '62000', currency: 'CNY' }, partial),
      next('preauthorization.completed', { amountMinor: '44001', currency: 'CNY' }, aboveHold),
      next('preauthorization.completed', { amountMinor: '44000', currency: 'CNY' }, aboveHold),
      next('preauthorization.cancelled', {}, cancelled),
      next('preauthorization.completed', { amountMinor: '30000', currency: 'CNY' }, cancelled),
      next('settlement.closed', { batchNumber: 1, totals: [{ method: 'CREDIT', count: 2, amountMinor: '106000', currency: 'CNY' }] }),
    ];
    expect((await post(completions)).status).toBe(202);
    await eventually(() => query<{ settlementBatches: unknown[] }>('{ settlementBatches(from: "2020-01-01", to: "2100-01-01") { status } }'), (d) => (d?.settlementBatches.length ?? 0) > 0, { what: 'the batch' });

    expect(await hold(partial)).toMatchObject({ status: 'SETTLED', amount: { minor: '62000' }, held: { minor: '80000' } });
    const above = await hold(aboveHold);
    expect(above).toMatchObject({ status: 'SETTLED', amount: { minor: '44000' }, held: { minor: '40000' } });
    expect(JSON.parse(above?.events.find((e) => e.type === 'TerminalEventRejected')?.data ?? '{}')).toMatchObject({ code: 'COMPLETION_EXCEEDS_HOLD' });
    const gone = await hold(cancelled);
    expect(gone).toMatchObject({ status: 'RELEASED', held: { minor: '30000' } });
    expect(JSON.parse(gone?.events.find((e) => e.type === 'TerminalEventRejected')?.data ?? '{}')).toMatchObject({ code: 'HOLD_NOT_ACTIVE' });

    const BATCHES = '{ settlementBatches(from: "2020-01-01", to: "2100-01-01") { status ledgerTotals { method count amount { minor } } } }';
    expect((await query<{ settlementBatches: unknown[] }>(BATCHES))?.settlementBatches).toEqual([{ status: 'MATCHED', ledgerTotals: [{ method: 'CREDIT', count: 2, amount: { minor: '106000' } }] }]);
    // Fees: 180 bp of 1060.00.
    expect((await query<{ salesSummary: unknown[] }>(SUMMARY))?.salesSummary).toEqual([{ count: 2, gross: { minor: '106000' } }]);
    const balances = await query<{ balances: unknown[] }>('{ balances { pending { minor } settled { minor } fees { minor } } }');
    expect(balances?.balances).toEqual([{ pending: { minor: '0' }, settled: { minor: '106000' }, fees: { minor: '1908' } }]);
  });
});
