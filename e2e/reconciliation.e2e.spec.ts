// Outside bills against a day of the running platform (issue 10): a WeChat Pay bill imported through the CLI and an
// acquirer file uploaded over HTTP, generated from the day's own sales with planted discrepancies (a sale missing, an
// extra one, an amount off by one fen, a wrong fee); exactly those are reported, a malformed file is refused with its
// line and records nothing, the same file again changes nothing, a decision is recorded with who; the acquirer's
// chargeback opens a dispute and the bank's confirmation pays a payout (once, across a restart); and a replay rebuilds
// the same reconciliation.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquirerBillText, bankConfirmationText, wechatPayBillText } from '@posledger/domain';
import { eventually, graphql } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, qrSale, type RawEvent } from './support/terminal-http';

jest.setTimeout(180_000);

const T = 'rc-1';
const M = 'm-rc';
const ZONE = 'Asia/Shanghai';
/** An instant as the wallets write it: the merchant's wall clock, YYYY-MM-DD HH:MM:SS. */
const localTime = (at: string): string => new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(at));
const cny = (minor: string) => ({ currency: 'CNY', minor });

interface Found { discrepancyId: string; kind: string; reference: string; lineNumber?: number; transactionId?: string }
interface Imported { imported: boolean; date: string; sha256: string; lines: number; matched: number; discrepancies: Found[] }

const RECONCILIATION = (date: string) => `{ reconciliation(date: "${date}") {
  date status files { source fileName lines matched discrepancies current }
  discrepancies { id source kind tradeKind reference lineNumber transactionId billAmount { minor } ledgerAmount { minor } billFee { minor } ledgerFee { minor } status decision { decision note decidedBy } }
  threeWay { source scope terminalId batchNumber terminalCount terminalAmount { minor } ledgerCount ledgerAmount { minor } billCount billAmount { minor } status } } }`;

describe('outside bills and three-way reconciliation', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let secret: string;
  let sequence = 0;
  let day: string;
  let wechatFile: string;
  const ids = { a: randomUUID(), b: randomUUID(), c: randomUUID(), d: randomUUID(), e: randomUUID(), refund: randomUUID() };
  const sales: Record<string, RawEvent[]> = {};
  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => event(T, ++sequence, type, payload, transactionId);
  const wallet = (id: string, amountMinor: string): RawEvent[] => {
    const events = qrSale(T, sequence + 1, amountMinor, id);
    sequence += events.length;
    sales[id] = events;
    return events;
  };
  const card = (id: string, method: 'CREDIT' | 'DEBIT', amountMinor: string): RawEvent[] => (sales[id] = [
    next('card.inserted', { entryMode: 'CHIP', maskedPan: '622588******1234', scheme: 'UNIONPAY' }, id),
    next('pin.entered', { result: 'VERIFIED' }, id),
    next('payment.method_selected', { method }, id),
    next('amount.entered', { amountMinor, currency: 'CNY' }, id),
    next('authorization.requested', {}, id),
    next('authorization.approved', { authCode: 'A9', hostReference: `RRN-${id.slice(0, 8)}` }, id),
  ]);
  const payloadOf = (id: string, type: string, field: string) => String(sales[id].find((raw) => raw.type === type)?.payload[field]);
  const walletRef = (id: string) => payloadOf(id, 'qr.scanned', 'walletReference');
  const hostRef = (id: string) => payloadOf(id, 'authorization.approved', 'hostReference');
  const at = (id: string) => localTime(sales[id][0].occurredAt);
  const query = async <R>(document: string) => (await graphql<R>(platform.graphqlUrl, token, document)).data;
  const reconciliation = () => query<{ reconciliation: { files: unknown[]; discrepancies: { id: string; status: string }[] } & Record<string, unknown> }>(RECONCILIATION(day));
  const upload = (source: string, body: string) => fetch(`${platform.graphqlUrl.replace(/\/graphql$/, '')}/v1/bills?source=${source}&fileName=${source}-${day}.csv&importedBy=li.na`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body,
  });

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-reconciliation-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', M, '--name', '对账小店', '--timezone', ZONE, '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', M, '--id', T]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', M]).token;
    platform = await startPlatformProcess(env);
    const events = [
      next('operator.signed_in', { operatorId: 'op-1' }),
      ...wallet(ids.a, '12000'), ...wallet(ids.b, '5000'), ...wallet(ids.c, '3000'), ...card(ids.d, 'CREDIT', '10000'), ...card(ids.e, 'DEBIT', '8000'),
      next('settlement.closed', { batchNumber: 1, totals: [{ method: 'WECHAT_PAY', count: 3, amountMinor: '20000', currency: 'CNY' }, { method: 'CREDIT', count: 1, amountMinor: '10000', currency: 'CNY' }, { method: 'DEBIT', count: 1, amountMinor: '8000', currency: 'CNY' }] }),
    ];
    const refund = next('refund.approved', { originalTransactionId: ids.a, amountMinor: '2000', currency: 'CNY' }, ids.refund);
    expect((await postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events: [...events, refund] }))).status).toBe(202);
    day = localTime(events[0].occurredAt).slice(0, 10);
    // The ledger's fees: 60 bp on WeChat Pay (0.72 on 120.00, 0.18 on 30.00), 180 on credit, 50 on debit; a refund's fee is kept.
    wechatFile = join(env.dataDir, `wechat-${day}.csv`);
    writeFileSync(wechatFile, wechatPayBillText([
      { kind: 'SALE', reference: walletRef(ids.a), merchantReference: ids.a, refundReference: '', localTime: at(ids.a), amount: cny('12000'), fee: cny('72') },
      { kind: 'SALE', reference: walletRef(ids.c), merchantReference: ids.c, refundReference: '', localTime: at(ids.c), amount: cny('3001'), fee: cny('18') },
      { kind: 'SALE', reference: '4200000000202600000001', merchantReference: 'not-ours', refundReference: '', localTime: at(ids.c), amount: cny('999'), fee: cny('6') },
      { kind: 'REFUND', reference: walletRef(ids.a), merchantReference: ids.a, refundReference: '50300000001', localTime: localTime(refund.occurredAt), amount: cny('2000'), fee: cny('0') },
    ]));
    await eventually(() => query<{ balances: { settled: { minor: string } }[] }>('{ balances { settled { minor } } }'), (d) => d?.balances[0]?.settled.minor === '36000', { what: 'the settled batch and the refund' });
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('refuses a malformed bill with its line and reason, and records nothing', async () => {
    const broken = join(env.dataDir, 'broken.csv');
    writeFileSync(broken, wechatPayBillText([{ kind: 'SALE', reference: walletRef(ids.a), merchantReference: '', refundReference: '', localTime: at(ids.a), amount: cny('12000'), fee: cny('72') }]).replace('`120.00', '`120.0O'));
    const refused = cliRun(env, ['bills', 'import', '--merchant', M, '--source', 'wechat-pay', broken]);

    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stderr)).toEqual({ error: 'BILL.MALFORMED', message: expect.stringMatching(/^line 2: /) });
    const response = await upload('acquirer', 'settlement_date,merchant_id\n');
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: 'BILL.MALFORMED', line: 1 });
    expect((await reconciliation())?.reconciliation).toMatchObject({ status: 'NO_BILLS', files: [] });
  });

  it('reports exactly the planted discrepancies of the WeChat Pay bill (CLI) and of the acquirer file (HTTP), and the three-way match', async () => {
    const wechat = cli<Imported>(env, ['bills', 'import', '--merchant', M, '--source', 'wechat-pay', '--date', day, '--by', 'li.na', wechatFile]);
    expect(wechat).toMatchObject({ imported: true, date: day, lines: 4, matched: 2 });
    expect(wechat.discrepancies.map(({ discrepancyId, kind, reference, lineNumber, transactionId }) => ({ discrepancyId, kind, reference, lineNumber, transactionId }))).toEqual([
      { discrepancyId: 'DSC-000001', kind: 'AMOUNT_DIFFERS', reference: walletRef(ids.c), lineNumber: 3, transactionId: ids.c },
      { discrepancyId: 'DSC-000002', kind: 'MISSING_IN_LEDGER', reference: '4200000000202600000001', lineNumber: 4, transactionId: undefined },
      { discrepancyId: 'DSC-000003', kind: 'MISSING_IN_BILL', reference: walletRef(ids.b), lineNumber: undefined, transactionId: ids.b },
    ]);
    const acquirer = await upload('acquirer', acquirerBillText([
      { kind: 'SALE', reference: hostRef(ids.d), merchantReference: '', refundReference: '', localTime: at(ids.d), amount: cny('10000'), fee: cny('180'), terminalId: T, batchNumber: 1 },
      { kind: 'SALE', reference: hostRef(ids.e), merchantReference: '', refundReference: '', localTime: at(ids.e), amount: cny('8000'), fee: cny('50'), terminalId: T, batchNumber: 1 },
      { kind: 'CHARGEBACK', reference: hostRef(ids.d), merchantReference: '', refundReference: '', localTime: at(ids.e), amount: cny('2500'), fee: cny('0'), terminalId: T, batchNumber: 1 },
    ], day));
    expect(acquirer.status).toBe(201);
    expect(await acquirer.json()).toMatchObject({
      imported: true, lines: 3, matched: 2,
      discrepancies: [{ discrepancyId: 'DSC-000004', kind: 'FEE_DIFFERS', reference: hostRef(ids.e), billFee: cny('50'), ledgerFee: cny('40') }],
      actions: [{ type: 'OpenDispute', lineNumber: 4, terminalId: T, transactionId: ids.d, disputeId: `cb-${hostRef(ids.d)}`, amount: cny('2500') }],
    });

    const shown = await eventually(reconciliation, (d) => d?.reconciliation.files.length === 2, { what: 'both bills in the view' });
    expect(shown?.reconciliation).toMatchObject({
      date: day,
      status: 'OPEN',
      files: [
        { source: 'acquirer', fileName: `acquirer-${day}.csv`, lines: 3, matched: 2, discrepancies: 1, current: true },
        { source: 'wechat-pay', fileName: `wechat-${day}.csv`, lines: 4, matched: 2, discrepancies: 3, current: true },
      ],
      discrepancies: [
        { id: 'DSC-000001', kind: 'AMOUNT_DIFFERS', billAmount: { minor: '3001' }, ledgerAmount: { minor: '3000' }, status: 'OPEN', decision: null },
        { id: 'DSC-000002', kind: 'MISSING_IN_LEDGER', billAmount: { minor: '999' }, ledgerAmount: null, transactionId: null },
        { id: 'DSC-000003', kind: 'MISSING_IN_BILL', billAmount: null, ledgerAmount: { minor: '5000' }, ledgerFee: { minor: '30' } },
        { id: 'DSC-000004', kind: 'FEE_DIFFERS', billFee: { minor: '50' }, ledgerFee: { minor: '40' } },
      ],
      threeWay: [
        { source: 'acquirer', scope: 'BATCH', terminalId: T, batchNumber: 1, terminalCount: 2, terminalAmount: { minor: '18000' }, ledgerCount: 2, ledgerAmount: { minor: '18000' }, billCount: 2, billAmount: { minor: '18000' }, status: 'MATCHED' },
        { source: 'acquirer', scope: 'DAY', terminalCount: 2, billAmount: { minor: '18000' }, status: 'MATCHED' },
        { source: 'wechat-pay', scope: 'BATCH', terminalId: T, batchNumber: 1, terminalCount: 3, terminalAmount: { minor: '20000' }, ledgerCount: 3, ledgerAmount: { minor: '20000' }, billCount: 2, billAmount: { minor: '15001' }, status: 'MISMATCH' },
        { source: 'wechat-pay', scope: 'DAY', terminalCount: 3, ledgerAmount: { minor: '20000' }, billCount: 3, billAmount: { minor: '16000' }, status: 'MISMATCH' },
      ],
    });
  });

  it('imports the same file again without changing anything', async () => {
    const before = JSON.stringify(await reconciliation());
    const again = cli<Imported>(env, ['bills', 'import', '--merchant', M, '--source', 'wechat-pay', '--date', day, wechatFile]);

    expect(again).toMatchObject({ imported: false, matched: 2 });
    expect(again.discrepancies.map(({ discrepancyId }) => discrepancyId)).toEqual(['DSC-000001', 'DSC-000002', 'DSC-000003']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(JSON.stringify(await reconciliation())).toBe(before);
  });

  it('records decisions with who and why; a final one cannot be taken back', async () => {
    expect(cliRun(env, ['reconciliation', 'decide', '--merchant', M, '--id', 'DSC-000001', '--decision', 'investigate', '--by', 'li.na', '--note', 'asked WeChat Pay']).status).toBe(0);
    expect(cliRun(env, ['reconciliation', 'decide', '--merchant', M, '--id', 'DSC-000001', '--decision', 'accept-bill', '--by', 'wang.fang', '--note', 'the customer paid 30.01']).status).toBe(0);
    const again = cliRun(env, ['reconciliation', 'decide', '--merchant', M, '--id', 'DSC-000001', '--decision', 'write-off', '--by', 'li.na']);
    expect([again.status, JSON.parse(again.stderr).error]).toEqual([1, 'BILL.DISCREPANCY_RESOLVED']);

    const shown = await eventually(reconciliation, (d) => d?.reconciliation.discrepancies[0]?.status === 'ACCEPT_BILL');
    expect(shown?.reconciliation.discrepancies[0]).toMatchObject({ id: 'DSC-000001', status: 'ACCEPT_BILL', decision: { decision: 'ACCEPT_BILL', note: 'the customer paid 30.01', decidedBy: 'wang.fang' } });
  });

  it("opens the acquirer's chargeback as a dispute on its sale, once, even across a restart of the platform", async () => {
    const DISPUTES = '{ disputes { id transactionId status amount { minor } reason } }';
    const opened = await eventually(() => query<{ disputes: unknown[] }>(DISPUTES), (d) => d?.disputes.length === 1, { what: "the ledger's clock opening the chargeback" });
    expect(opened?.disputes).toEqual([{ id: `cb-${hostRef(ids.d)}`, transactionId: ids.d, status: 'OPEN', amount: { minor: '2500' }, reason: `chargeback in the acquirer's settlement file of ${day}` }]);

    await stopPlatformProcess(platform);
    platform = await startPlatformProcess(env);
    // The restarted ledger's clock reads every bill again from the start: what it already recorded is passed over.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect((await query<{ disputes: unknown[] }>(DISPUTES))?.disputes).toEqual(opened?.disputes);
  });

  it("confirms a payout from the bank's file: credited, it is PAID with the bank's reference; an unknown payout is a discrepancy", async () => {
    const [payout] = cli<{ payouts: { payoutId: string; amount: { currency: string; minor: string } }[] }>(env, ['payout', 'run', '--merchant', M]).payouts;
    const response = await upload('bank', bankConfirmationText([
      { kind: 'PAYOUT_PAID', reference: 'ICBC-20261124-1', merchantReference: payout.payoutId, refundReference: '', localTime: `${day} 00:00:00`, amount: payout.amount, fee: cny('0') },
      { kind: 'PAYOUT_RETURNED', reference: 'ICBC-20261124-2', merchantReference: 'PO-000099', refundReference: '', localTime: `${day} 00:00:00`, amount: cny('100'), fee: cny('0'), reason: 'account closed' },
    ], day));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      matched: 1, actions: [{ type: 'ConfirmPayout', payoutId: payout.payoutId, bankReference: 'ICBC-20261124-1' }],
      discrepancies: [{ discrepancyId: 'DSC-000005', kind: 'MISSING_IN_LEDGER', tradeKind: 'PAYOUT_RETURNED', reference: 'ICBC-20261124-2' }],
    });
    const paid = await eventually(
      () => query<{ payouts: { id: string; status: string; bankReference: string | null }[] }>('{ payouts(from: "2000-01-01", to: "2100-01-01") { id status bankReference } }'),
      (d) => d?.payouts[0]?.status === 'PAID',
      { what: "the ledger's clock confirming the payout" },
    );
    expect(paid?.payouts).toEqual([{ id: payout.payoutId, status: 'PAID', bankReference: 'ICBC-20261124-1' }]);
  });

  it('rebuilds the same reconciliation on replay', async () => {
    const before = JSON.stringify(await reconciliation());
    const report = cli<{ equal: boolean; views: { view: string; equal: boolean; liveRows: number }[] }>(env, ['replay']);

    expect(report.equal).toBe(true);
    expect(report.views.filter(({ view }) => view.startsWith('bill_')).map(({ view, equal, liveRows }) => [view, equal, liveRows > 0])).toEqual([
      ['bill_files', true, true], ['bill_discrepancies', true, true], ['bill_three_way', true, true],
    ]);
    expect(JSON.stringify(await reconciliation())).toBe(before);
  });
});
