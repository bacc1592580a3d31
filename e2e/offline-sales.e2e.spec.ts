// Offline sales (store-and-forward) through the public contract: a terminal that lost its host approves card sales
// itself up to the merchant's offline limit, uploads them later, then forwards them and sends the host's answers. One
// is confirmed, one declined before its batch closes and one after: each decline is the merchant's loss, reported,
// never dropped. A sale above the limit is refused offline and goes to the host instead.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, type RawEvent } from './support/terminal-http';

jest.setTimeout(120_000);

const T = 'o-1';
const TRANSACTION = `query ($id: ID!) { transaction(id: $id) { status offline awaitingHost amount { minor } events { type data } } }`;

interface Sale {
  status: string;
  offline: boolean;
  awaitingHost: boolean;
  amount: { minor: string };
  events: { type: string; data: string }[];
}

describe('offline sales (store-and-forward)', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let secret: string;
  let sequence = 0;
  const [confirmed, declinedOpen, overLimit, declinedSettled] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => event(T, ++sequence, type, payload, transactionId);
  const cardSaleReady = (id: string, method: 'DEBIT' | 'CREDIT', amountMinor: string): RawEvent[] => [
    next('card.inserted', { entryMode: 'CONTACTLESS', maskedPan: '622588******1234', scheme: 'UNIONPAY' }, id),
    next('pin.entered', { result: method === 'DEBIT' ? 'VERIFIED' : 'BYPASSED' }, id),
    next('payment.method_selected', { method }, id),
    next('amount.entered', { amountMinor, currency: 'CNY' }, id),
  ];
  const post = async (events: RawEvent[]) => postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events }));
  const query = async <R>(document: string, variables?: Record<string, unknown>) => (await graphql<R>(platform.graphqlUrl, token, document, variables)).data;
  const sale = async (id: string) => (await query<{ transaction: Sale | null }>(TRANSACTION, { id }))?.transaction ?? null;

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-offline-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-off', '--name', '山间客栈', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    expect(cli(env, ['merchant', 'offline-limit', '--merchant', 'm-off', '--up-to', '30000'])).toEqual({ merchantId: 'm-off', offlineUpToMinor: '30000' });
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-off', '--id', T]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', 'm-off']).token;
    platform = await startPlatformProcess(env);
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('refuses an offline limit that is not a whole number of minor units, and one for an unknown merchant', () => {
    const fraction = cliRun(env, ['merchant', 'offline-limit', '--merchant', 'm-off', '--up-to', '300.00']);
    expect(fraction.status).not.toBe(0);
    expect(fraction.stderr).toContain('an offline limit is a whole number of minor units');
    const unknown = cliRun(env, ['merchant', 'offline-limit', '--merchant', 'm-none', '--up-to', '100']);
    expect(unknown.stderr).toContain('REGISTRY.UNKNOWN_MERCHANT');
  });

  it('takes the sales approved offline once uploaded, awaiting the host, and not the one above the limit', async () => {
    const uploaded = [
      next('operator.signed_in', { operatorId: 'op-1' }),
      ...cardSaleReady(confirmed, 'CREDIT', '26000'), next('authorization.approved_offline', {}, confirmed),
      ...cardSaleReady(declinedOpen, 'DEBIT', '12000'), next('authorization.approved_offline', {}, declinedOpen),
      ...cardSaleReady(overLimit, 'CREDIT', '40000'), next('authorization.approved_offline', {}, overLimit),
    ];
    expect((await post(uploaded)).status).toBe(202);
    const first = await eventually(() => sale(confirmed), (s) => s !== null, { what: 'the first offline sale' });
    expect(first).toMatchObject({ status: 'APPROVED', offline: true, awaitingHost: true, amount: { minor: '26000' } });
    expect(await eventually(() => sale(declinedOpen), (s) => s !== null, { what: 'the second offline sale' })).toMatchObject({ status: 'APPROVED', offline: true, awaitingHost: true });
    // Refused offline, the sale above the limit is still open: no sale yet, until the host answers it.
    expect(await sale(overLimit)).toBeNull();
  });

  it("records the host's answers once forwarded: the confirmed sale settles, the declined ones leave the batch or the settled funds", async () => {
    const forwarded = [
      next('authorization.approved', { authCode: 'H1', hostReference: 'H-OFF-1' }, confirmed),
      next('authorization.declined', { responseCode: '05', reason: 'do not honour' }, declinedOpen),
      next('authorization.requested', {}, overLimit),
      next('authorization.approved', { authCode: 'H2', hostReference: 'H-OFF-2' }, overLimit),
      ...cardSaleReady(declinedSettled, 'DEBIT', '5000'), next('authorization.approved_offline', {}, declinedSettled),
      next('settlement.closed', {
        batchNumber: 1,
        totals: [
          { method: 'CREDIT', count: 2, amountMinor: '66000', currency: 'CNY' },
          { method: 'DEBIT', count: 1, amountMinor: '5000', currency: 'CNY' },
        ],
      }),
    ];
    expect((await post(forwarded)).status).toBe(202);
    expect((await post([next('authorization.declined', { responseCode: '51', reason: 'insufficient funds' }, declinedSettled)])).status).toBe(202);

    const last = await eventually(() => sale(declinedSettled), (s) => s?.status === 'OFFLINE_DECLINED', { what: 'the decline after the close' });
    expect(last).toMatchObject({ offline: true, awaitingHost: false });
    expect(JSON.parse(last?.events.find((e) => e.type === 'OfflineSaleDeclined')?.data ?? '{}')).toMatchObject({ settled: true, amount: { minor: '5000' } });
    expect(await sale(confirmed)).toMatchObject({ status: 'SETTLED', offline: true, awaitingHost: false });
    expect(await sale(declinedOpen)).toMatchObject({ status: 'OFFLINE_DECLINED', offline: true, awaitingHost: false });
    const online = await sale(overLimit);
    expect(online).toMatchObject({ status: 'SETTLED', offline: false, awaitingHost: false });
    expect(JSON.parse(online?.events.find((e) => e.type === 'TerminalEventRejected')?.data ?? '{}')).toMatchObject({ code: 'OFFLINE_LIMIT_EXCEEDED' });

    const BATCHES = '{ settlementBatches(from: "2020-01-01", to: "2100-01-01") { status ledgerTotals { method count amount { minor } } } }';
    expect((await query<{ settlementBatches: unknown[] }>(BATCHES))?.settlementBatches).toEqual([{
      status: 'MATCHED',
      ledgerTotals: [{ method: 'CREDIT', count: 2, amount: { minor: '66000' } }, { method: 'DEBIT', count: 1, amount: { minor: '5000' } }],
    }]);
  });

  it('reports the declined offline sales as the merchant\'s loss: in the summary, out of net, and out of what the merchant is owed', async () => {
    // Fees: 180 bp of 260.00 and of 400.00, 50 bp of 50.00 (the acquirer keeps the fee of the sale declined after the close).
    const SUMMARY = '{ salesSummary(from: "2020-01-01", to: "2100-01-01", groupBy: TERMINAL) { count gross { minor } fees { minor } offlineDeclined { minor } net { minor } } }';
    expect((await query<{ salesSummary: unknown[] }>(SUMMARY))?.salesSummary).toEqual([
      { count: 4, gross: { minor: '83000' }, fees: { minor: '1213' }, offlineDeclined: { minor: '17000' }, net: { minor: '64787' } },
    ]);
    const balances = await query<{ balances: unknown[] }>('{ balances { pending { minor } settled { minor } fees { minor } available { minor } } }');
    expect(balances?.balances).toEqual([{ pending: { minor: '0' }, settled: { minor: '66000' }, fees: { minor: '1213' }, available: { minor: '64787' } }]);
    const OFFLINE_DECLINED = '{ transactions(first: 10, filter: { status: "OFFLINE_DECLINED" }) { edges { node { id amount { minor } } } } }';
    const listed = (await query<{ transactions: { edges: { node: { id: string } }[] } }>(OFFLINE_DECLINED))?.transactions.edges.map((e) => e.node.id).sort();
    expect(listed).toEqual([declinedOpen, declinedSettled].sort());
  });
});
