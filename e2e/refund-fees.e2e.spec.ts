// The fee on a refunded sale through the public contract: a merchant whose refunds return their share of the fee
// (posledger merchant refund-fees --policy returned) refunds a settled card sale in two parts; the fee comes back in
// proportion, wholly once the sale is wholly refunded, in salesSummary, the balances and the sale's postings.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, type RawEvent } from './support/terminal-http';

jest.setTimeout(120_000);

const T = 'r-1';

describe('the fee on a refunded sale', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  const sale = randomUUID();
  let sequence = 0;
  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => event(T, ++sequence, type, payload, transactionId);
  const query = async <R>(document: string) => (await graphql<R>(platform.graphqlUrl, token, document)).data;

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-refund-fees-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-fees', '--name', '书店', '--timezone', 'Asia/Shanghai', '--currency', 'CNY', '--fees', 'DEBIT=50,CREDIT=180,WECHAT_PAY=60,ALIPAY=60']);
    expect(cli(env, ['merchant', 'refund-fees', '--merchant', 'm-fees', '--policy', 'returned'])).toEqual({ merchantId: 'm-fees', refundFees: 'RETURNED' });
    const { secret } = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-fees', '--id', T]);
    token = cli<{ token: string }>(env, ['token', '--merchant', 'm-fees']).token;
    platform = await startPlatformProcess(env);
    const day = [
      next('operator.signed_in', { operatorId: 'op-1' }),
      next('card.inserted', { entryMode: 'CHIP', maskedPan: '622588******1234', scheme: 'UNIONPAY' }, sale),
      next('pin.entered', { result: 'BYPASSED' }, sale),
      next('payment.method_selected', { method: 'CREDIT' }, sale),
      next('amount.entered', { amountMinor: '10000', currency: 'CNY' }, sale),
      next('authorization.requested', {}, sale),
      next('authorization.approved', { authCode: 'A1', hostReference: 'H-1' }, sale),
      next('settlement.closed', { batchNumber: 1, totals: [{ method: 'CREDIT', count: 1, amountMinor: '10000', currency: 'CNY' }] }),
      next('refund.approved', { originalTransactionId: sale, amountMinor: '3333', currency: 'CNY' }, randomUUID()),
      next('refund.approved', { originalTransactionId: sale, amountMinor: '6667', currency: 'CNY' }, randomUUID()),
    ];
    expect((await postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events: day }))).status).toBe(202);
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('refuses a policy that is neither kept nor returned', () => {
    expect(cliRun(env, ['merchant', 'refund-fees', '--merchant', 'm-fees', '--policy', 'halved']).stderr).toContain('--policy must be kept or returned');
  });

  it('returns the fee in proportion to each refund, and all of it once the sale is wholly refunded', async () => {
    const SALE = `{ transaction(id: "${sale}") { refunded { minor } postings { eventType account debit { minor } credit { minor } } } }`;
    const found = await eventually(() => query<{ transaction: { refunded: { minor: string }; postings: { eventType: string; account: string; debit: { minor: string }; credit: { minor: string } }[] } | null }>(SALE), (d) => d?.transaction?.refunded.minor === '10000', { what: 'both refunds' });
    // 180 bp of 100.00 is 1.80: 0.59 with the first third, the remaining 1.21 with the rest.
    const returned = (found?.transaction?.postings ?? []).filter((p) => p.eventType === 'RefundApproved' && p.account === 'merchant:fees').map((p) => p.credit.minor);
    expect(returned).toEqual(['59', '121']);
    const balances = await query<{ balances: unknown[] }>('{ balances { settled { minor } fees { minor } available { minor } } }');
    expect(balances?.balances).toEqual([{ settled: { minor: '0' }, fees: { minor: '0' }, available: { minor: '0' } }]);
    const summary = await query<{ salesSummary: unknown[] }>('{ salesSummary(from: "2020-01-01", to: "2100-01-01", groupBy: TERMINAL) { gross { minor } refunds { minor } fees { minor } net { minor } } }');
    expect(summary?.salesSummary).toEqual([{ gross: { minor: '10000' }, refunds: { minor: '10000' }, fees: { minor: '0' }, net: { minor: '0' } }]);
  });
});
