// Cash (现金) and tips at the counter through the public contract: a shift takes cash sales, a void and a refund from
// the drawer (too little cash is refused until enough is handed over), and card sales with a tip entered before
// authorisation and one adjusted after. The shift's report expects exactly that cash and lists the tips; the batch
// settles the card and QR sales with their tips, and the balance keeps cash apart from what the merchant is owed.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql } from './support/graphql-client';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, qrSale, type RawEvent } from './support/terminal-http';

jest.setTimeout(120_000);

const T = 'c-1';

describe('cash and tips at the counter', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let secret: string;
  let sequence = 0;
  const [first, second, short, qr, tippedBefore, tippedAfter] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => event(T, ++sequence, type, payload, transactionId);
  const cashSale = (id: string, amountMinor: string, tenderedMinor: string): RawEvent[] => [
    next('payment.method_selected', { method: 'CASH' }, id),
    next('amount.entered', { amountMinor, currency: 'CNY' }, id),
    next('cash.received', { tenderedMinor, currency: 'CNY' }, id),
  ];
  const cardSale = (id: string, method: 'DEBIT' | 'CREDIT', amountMinor: string, tipMinor?: string): RawEvent[] => [
    next('card.inserted', { entryMode: 'CHIP', maskedPan: '622588******1234', scheme: 'UNIONPAY' }, id),
    next('pin.entered', { result: method === 'DEBIT' ? 'VERIFIED' : 'BYPASSED' }, id),
    next('payment.method_selected', { method }, id),
    next('amount.entered', { amountMinor, currency: 'CNY' }, id),
    ...(tipMinor ? [next('tip.entered', { tipMinor, currency: 'CNY' }, id)] : []),
    next('authorization.requested', {}, id),
    next('authorization.approved', { authCode: 'T1', hostReference: `H-${sequence}` }, id),
  ];
  const post = async (events: RawEvent[]) => postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events }));
  const query = async <T>(document: string, variables?: Record<string, unknown>) => (await graphql<T>(platform.graphqlUrl, token, document, variables)).data;

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-cash-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', 'm-cash', '--name', '面馆', '--timezone', 'Asia/Shanghai', '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', 'm-cash', '--id', T]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', 'm-cash']).token;
    platform = await startPlatformProcess(env);

    const day = [
      next('operator.signed_in', { operatorId: 'op-1' }),
      next('shift.opened', { operatorId: 'op-1', openingCashMinor: '10000', currency: 'CNY' }),
      ...cashSale(first, '3500', '5000'),
      ...cashSale(second, '800', '1000'),
      // Too little, refused; then enough.
      ...cashSale(short, '900', '500'),
      next('cash.received', { tenderedMinor: '1000', currency: 'CNY' }, short),
      ...qrSale(T, sequence + 1, '2000', qr),
    ];
    sequence += 5;
    day.push(
      ...cardSale(tippedBefore, 'CREDIT', '10000', '1500'),
      ...cardSale(tippedAfter, 'DEBIT', '6000'),
    );
    day.push(
      next('transaction.voided', { originalTransactionId: second }, randomUUID()),
      next('refund.approved', { originalTransactionId: first, amountMinor: '500', currency: 'CNY' }, randomUUID()),
      next('tip.entered', { tipMinor: '400', currency: 'CNY' }, tippedAfter),
      next('shift.closed', { countedCashMinor: '13800', currency: 'CNY' }),
      next('settlement.closed', {
        batchNumber: 1,
        totals: [
          { method: 'WECHAT_PAY', count: 1, amountMinor: '2000', currency: 'CNY' },
          { method: 'CREDIT', count: 1, amountMinor: '11500', currency: 'CNY' },
          { method: 'DEBIT', count: 1, amountMinor: '6400', currency: 'CNY' },
        ],
      }),
    );
    expect((await post(day)).status).toBe(202);
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it("reports the shift's drawer (opening cash, plus cash sales, less the cash void and refund; the count 1.00 short) and its tips", async () => {
    const SHIFTS = `{ shifts(from: "2020-01-01", to: "2100-01-01") { status expectedCash { minor } countedCash { minor } overShort { minor } sales { method count amount { minor } } voids { method amount { minor } } refunds { method amount { minor } } tips { method amount { minor } } } }`;
    const [report] = await eventually(async () => (await query<{ shifts: Record<string, unknown>[] }>(SHIFTS))?.shifts ?? [], (list) => list[0]?.status === 'CLOSED', { what: 'the closed shift' });
    expect(report).toEqual({
      status: 'CLOSED',
      expectedCash: { minor: '13900' }, countedCash: { minor: '13800' }, overShort: { minor: '-100' },
      sales: [
        { method: 'CASH', count: 3, amount: { minor: '5200' } },
        { method: 'CREDIT', count: 1, amount: { minor: '10000' } },
        { method: 'DEBIT', count: 1, amount: { minor: '6000' } },
        { method: 'WECHAT_PAY', count: 1, amount: { minor: '2000' } },
      ],
      voids: [{ method: 'CASH', amount: { minor: '800' } }],
      refunds: [{ method: 'CASH', amount: { minor: '500' } }],
      tips: [{ method: 'CREDIT', amount: { minor: '1500' } }, { method: 'DEBIT', amount: { minor: '400' } }],
    });
  });

  it('settles the card sales with their tips and the QR sale, never the cash, which the balance keeps apart from what is owed', async () => {
    const BATCHES = '{ settlementBatches(from: "2020-01-01", to: "2100-01-01") { status ledgerTotals { method count amount { minor } } } }';
    const batches = await eventually(async () => (await query<{ settlementBatches: Record<string, unknown>[] }>(BATCHES))?.settlementBatches ?? [], (list) => list.length > 0, { what: 'the batch' });
    expect(batches).toEqual([{
      status: 'MATCHED',
      ledgerTotals: [
        { method: 'CREDIT', count: 1, amount: { minor: '11500' } },
        { method: 'DEBIT', count: 1, amount: { minor: '6400' } },
        { method: 'WECHAT_PAY', count: 1, amount: { minor: '2000' } },
      ],
    }]);
    // Fees on amount and tip: 60 bp of 20.00, 180 bp of 115.00, 50 bp of 64.00.
    const balances = await query<{ balances: unknown[] }>('{ balances { pending { minor } settled { minor } fees { minor } available { minor } cash { minor } } }');
    expect(balances?.balances).toEqual([{ pending: { minor: '0' }, settled: { minor: '19900' }, fees: { minor: '251' }, available: { minor: '19649' }, cash: { minor: '3900' } }]);
  });

  it('reports tips apart from sales, per sale and in the summary, and counts them in net', async () => {
    const SUMMARY = '{ salesSummary(from: "2020-01-01", to: "2100-01-01", groupBy: PAYMENT_METHOD) { key gross { minor } tips { minor } fees { minor } net { minor } } }';
    const byMethod = (await query<{ salesSummary: { key: string; gross: { minor: string }; tips: { minor: string }; fees: { minor: string }; net: { minor: string } }[] }>(SUMMARY))?.salesSummary ?? [];
    expect(byMethod.find((b) => b.key === 'CREDIT')).toEqual({ key: 'CREDIT', gross: { minor: '10000' }, tips: { minor: '1500' }, fees: { minor: '207' }, net: { minor: '11293' } });
    expect(byMethod.find((b) => b.key === 'DEBIT')).toMatchObject({ gross: { minor: '6000' }, tips: { minor: '400' } });
    const TIP = 'query ($id: ID!) { transaction(id: $id) { amount { minor } tip { minor } } }';
    expect((await query<{ transaction: unknown }>(TIP, { id: tippedBefore }))?.transaction).toEqual({ amount: { minor: '10000' }, tip: { minor: '1500' } });
    expect((await query<{ transaction: unknown }>(TIP, { id: tippedAfter }))?.transaction).toEqual({ amount: { minor: '6000' }, tip: { minor: '400' } });
  });

  it("closes the day (日结) for the merchant and for the terminal with the same figures, and has nothing for another terminal", async () => {
    // The events are an hour old (support/terminal-http): their day in the merchant's zone.
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 3_600_000));
    const END_OF_DAY = `query ($day: String!, $terminalId: ID) { endOfDay(day: $day, terminalId: $terminalId) {
      day terminalId totals { key count gross { minor } tips { minor } refunds { minor } voids { minor } fees { minor } net { minor } }
      byMethod { key count } settlements { terminalId status } shifts { operatorId overShort { minor } } } }`;
    const merchantDay = (await query<{ endOfDay: Record<string, unknown> }>(END_OF_DAY, { day }))?.endOfDay;
    expect(merchantDay).toEqual({
      day,
      terminalId: null,
      totals: [{ key: 'CNY', count: 5, gross: { minor: '22400' }, tips: { minor: '1900' }, refunds: { minor: '500' }, voids: { minor: '800' }, fees: { minor: '251' }, net: { minor: '23549' } }],
      byMethod: [{ key: 'CASH', count: 2 }, { key: 'CREDIT', count: 1 }, { key: 'DEBIT', count: 1 }, { key: 'WECHAT_PAY', count: 1 }],
      settlements: [{ terminalId: T, status: 'MATCHED' }],
      shifts: [{ operatorId: 'op-1', overShort: { minor: '-100' } }],
    });
    const terminalDay = (await query<{ endOfDay: Record<string, unknown> }>(END_OF_DAY, { day, terminalId: T }))?.endOfDay;
    expect(terminalDay).toEqual({ ...merchantDay, terminalId: T });
    const elsewhere = (await query<{ endOfDay: Record<string, unknown> }>(END_OF_DAY, { day, terminalId: 'c-9' }))?.endOfDay;
    expect(elsewhere).toEqual({ day, terminalId: 'c-9', totals: [], byMethod: [], settlements: [], shifts: [] });
    const refused = await graphql(platform.graphqlUrl, token, '{ endOfDay(day: "yesterday") { day } }');
    expect(refused.errors?.[0]?.message).toContain('day must be a date alone');
  });

  it('lists the cash sale with its change, and shows why too little cash was refused', async () => {
    const SALE = 'query ($id: ID!) { transaction(id: $id) { status method refunded { minor } events { type data } } }';
    const sale = (await query<{ transaction: { status: string; method: string; refunded: { minor: string }; events: { type: string; data: string }[] } }>(SALE, { id: first }))?.transaction;
    expect(sale).toMatchObject({ status: 'APPROVED', method: 'CASH', refunded: { minor: '500' } });
    const approved = JSON.parse(sale?.events.find((e) => e.type === 'SaleApproved')?.data ?? '{}');
    expect(approved.cash).toEqual({ tendered: { currency: 'CNY', minor: '5000' }, change: { currency: 'CNY', minor: '1500' } });
    const paidAtLast = (await query<{ transaction: { status: string; events: { type: string; data: string }[] } | null }>(SALE, { id: short }))?.transaction;
    expect(paidAtLast?.status).toBe('APPROVED');
    const rejection = paidAtLast?.events.find((e) => e.type === 'TerminalEventRejected');
    expect(JSON.parse(rejection?.data ?? '{}')).toMatchObject({ code: 'CASH_SHORT' });
  });

  it('refuses a batch whose settlement totals name cash, with the field and why', async () => {
    const answer = await post([event(T, sequence + 1, 'settlement.closed', { batchNumber: 2, totals: [{ method: 'CASH', count: 1, amountMinor: '100', currency: 'CNY' }] })]);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('events[0].payload.totals[0].method: must be one of DEBIT, CREDIT, WECHAT_PAY, ALIPAY (cash is not settled)');
  });
});
