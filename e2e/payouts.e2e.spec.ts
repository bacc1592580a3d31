// Payouts through the ledger's clock and the operators' CLI while the platform runs: the merchant's schedule cuts its
// settled funds off and pays them (lines per batch and refund, net of fees); a refund larger than the takings is
// carried forward, visibly; the bank's confirmation marks a payout paid, a return brings its funds to the next one;
// throughout, paid out + in transit + available equals the merchant's net takings, and settled and fees keep meaning
// every settled sale and every fee, paid out or not.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, qrSale, type RawEvent } from './support/terminal-http';

jest.setTimeout(240_000);

const T = 'po-1';
const M = 'm-po';
const ZONE = 'Asia/Shanghai';
const BALANCES = '{ balances { settled { minor } fees { minor } available { minor } inTransit { minor } paidOut { minor } } }';
const PAYOUTS = `{ payouts(from: "2000-01-01", to: "2100-01-01") {
  id currency status valueDate cutoffAt amount { minor } settled { minor } fees { minor } bankReference failureReason
  lines { eventType reference settled { minor } fees { minor } } broughtForward { settled { minor } fees { minor } }
} }`;

interface Payout {
  id: string;
  status: string;
  valueDate: string;
  cutoffAt: string;
  amount: { minor: string };
  bankReference: string | null;
  failureReason: string | null;
  lines: { eventType: string; reference: string; settled: { minor: string }; fees: { minor: string } }[];
  broughtForward: { settled: { minor: string }; fees: { minor: string } } | null;
}

const localParts = (instant: Date) =>
  Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(instant).map(({ type, value }) => [type, value]));
const localDatePlus = (instant: Date, days: number): string => {
  const { year, month, day } = localParts(instant);
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day) + days)).toISOString().slice(0, 10);
};

describe('payouts', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let secret: string;
  let sequence = 0;
  // The schedule's cut-off: the first whole minute at least 45 s away, so that the first day's sales are recorded before it.
  const cutoff = new Date(Math.ceil((Date.now() + 45_000) / 60_000) * 60_000);
  const [saleA, saleB, saleC] = [randomUUID(), randomUUID(), randomUUID()];
  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => event(T, ++sequence, type, payload, transactionId);
  const sale = (id: string, amountMinor: string): RawEvent[] => {
    const events = qrSale(T, sequence + 1, amountMinor, id);
    sequence += events.length;
    return events;
  };
  const post = async (events: RawEvent[]) => expect((await postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events }))).status).toBe(202);
  const query = async <R>(document: string) => (await graphql<R>(platform.graphqlUrl, token, document)).data;
  const payouts = async () => (await query<{ payouts: Payout[] }>(PAYOUTS))?.payouts ?? [];
  const balances = async () => (await query<{ balances: unknown[] }>(BALANCES))?.balances;
  const payout = (...args: string[]) => cliRun(env, ['payout', ...args, '--merchant', M]);

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-payouts-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', M, '--name', '茶馆', '--timezone', ZONE, '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', M, '--id', T]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', M]).token;
    const { hour, minute } = localParts(cutoff);
    expect(cli(env, ['merchant', 'payouts', '--merchant', M, '--delay-days', '2', '--cutoff', `${hour}:${minute}`])).toEqual({ merchantId: M, payouts: { delayDays: 2, cutoff: `${hour}:${minute}` } });
    platform = await startPlatformProcess(env);
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it("refuses a schedule that is no time of day, and a merchant's payout it does not have, changing nothing", () => {
    expect(cliRun(env, ['merchant', 'payouts', '--merchant', M, '--delay-days', '1', '--cutoff', '24:00']).stderr).toContain('REGISTRY.INVALID_ARGUMENT');
    expect(cliRun(env, ['merchant', 'payouts', '--merchant', M, '--delay-days', '31', '--cutoff', '18:00']).stderr).toContain('REGISTRY.INVALID_ARGUMENT');
    expect(payout('confirm', '--id', 'PO-000009', '--bank-reference', 'B-1').stderr).toContain('PAYOUT.UNKNOWN_PAYOUT');
  });

  it("pays the day's settled funds at the schedule's cut-off, net of fees, on the value date two days on", async () => {
    await post([
      next('operator.signed_in', { operatorId: 'op-1' }),
      ...sale(saleA, '10000'), ...sale(saleB, '20000'),
      next('settlement.closed', { batchNumber: 1, totals: [{ method: 'WECHAT_PAY', count: 2, amountMinor: '30000', currency: 'CNY' }] }),
    ]);
    // Fees: 60 bp of 300.00.
    const [first] = await eventually(payouts, (list) => list.length === 1, { what: 'the payout at the cut-off', timeoutMs: 150_000 });
    expect(first).toMatchObject({
      id: 'PO-000001', status: 'IN_TRANSIT', cutoffAt: cutoff.toISOString(), valueDate: localDatePlus(cutoff, 2), amount: { minor: '29820' }, broughtForward: null,
      lines: [{ eventType: 'BatchClosed', reference: 'batch 1', settled: { minor: '30000' }, fees: { minor: '180' } }],
    });
    expect(await eventually(balances, (b) => JSON.stringify(b).includes('"inTransit":{"minor":"29820"}'), { what: 'in transit' })).toEqual([
      { settled: { minor: '30000' }, fees: { minor: '180' }, available: { minor: '0' }, inTransit: { minor: '29820' }, paidOut: { minor: '0' } },
    ]);
  });

  it('carries a refund larger than what settled since forward as a negative balance, and takes it from the next payout', async () => {
    await post([next('refund.approved', { originalTransactionId: saleB, amountMinor: '5000', currency: 'CNY' }, randomUUID())]);
    await eventually(balances, (b) => JSON.stringify(b).includes('"available":{"minor":"-5000"}'), { what: 'the refund' });
    expect(JSON.parse(payout('run').stdout)).toEqual({ merchantId: M, payouts: [] });

    await post([...sale(saleC, '8000'), next('settlement.closed', { batchNumber: 2, totals: [{ method: 'WECHAT_PAY', count: 1, amountMinor: '8000', currency: 'CNY' }] })]);
    await eventually(balances, (b) => JSON.stringify(b).includes('"available":{"minor":"2952"}'), { what: 'the second batch' });
    const run = JSON.parse(payout('run').stdout) as { payouts: { payoutId: string; amount: { minor: string }; valueDate: string }[] };
    expect(run.payouts.map(({ payoutId, amount, valueDate }) => ({ payoutId, amount: amount.minor, valueDate }))).toEqual([
      { payoutId: 'PO-000002', amount: '2952', valueDate: localDatePlus(new Date(), 2) },
    ]);
    const second = await eventually(payouts, (list) => list.length === 2, { what: 'the second payout' });
    expect(second[1]).toMatchObject({
      id: 'PO-000002', status: 'IN_TRANSIT', amount: { minor: '2952' },
      lines: [{ eventType: 'BatchClosed', reference: 'batch 2', settled: { minor: '8000' }, fees: { minor: '48' } }],
      broughtForward: { settled: { minor: '-5000' }, fees: { minor: '0' } },
    });
  });

  it("marks a payout paid on the bank's confirmation, once; a returned one goes with the next run", async () => {
    expect(payout('confirm', '--id', 'PO-000001', '--bank-reference', 'ICBC-20261203-0001').status).toBe(0);
    expect(payout('confirm', '--id', 'PO-000001', '--bank-reference', 'ICBC-20261203-0001').stderr).toContain('PAYOUT.PAYOUT_NOT_IN_TRANSIT');
    expect(payout('fail', '--id', 'PO-000002', '--reason', 'account closed').status).toBe(0);
    await eventually(balances, (b) => JSON.stringify(b).includes('"available":{"minor":"2952"}'), { what: 'the returned payout' });
    const run = JSON.parse(payout('run').stdout) as { payouts: { payoutId: string; amount: { minor: string } }[] };
    expect(run.payouts.map(({ payoutId, amount }) => ({ payoutId, amount: amount.minor }))).toEqual([{ payoutId: 'PO-000003', amount: '2952' }]);

    const list = await eventually(payouts, (l) => l.length === 3 && l[0].status === 'PAID', { what: 'the three payouts' });
    expect(list.map(({ id, status, bankReference, failureReason, lines, broughtForward }) => ({ id, status, bankReference, failureReason, lines: lines.length, broughtForward }))).toEqual([
      { id: 'PO-000001', status: 'PAID', bankReference: 'ICBC-20261203-0001', failureReason: null, lines: 1, broughtForward: null },
      { id: 'PO-000002', status: 'FAILED', bankReference: null, failureReason: 'account closed', lines: 1, broughtForward: { settled: { minor: '-5000' }, fees: { minor: '0' } } },
      { id: 'PO-000003', status: 'IN_TRANSIT', bankReference: null, failureReason: null, lines: 0, broughtForward: { settled: { minor: '3000' }, fees: { minor: '48' } } },
    ]);
    // Net takings: 380.00 sold, 50.00 refunded, 2.28 fees = 327.72, all paid out or in transit.
    expect(await eventually(balances, (b) => JSON.stringify(b).includes('"paidOut":{"minor":"29820"}') && JSON.stringify(b).includes('"inTransit":{"minor":"2952"}'), { what: 'paid out' })).toEqual([
      { settled: { minor: '33000' }, fees: { minor: '228' }, available: { minor: '0' }, inTransit: { minor: '2952' }, paidOut: { minor: '29820' } },
    ]);
  });
});
