// Importing outside bills over HTTP on the reports app with real adapters (LMDB event store, chDB): the merchant's
// token only, a malformed file refused with its line and nothing recorded, the same file twice recorded once, a
// decision with who and when, and the day's reconciliation in GraphQL from the views projected from the store.
import { createHash } from 'node:crypto';
import { billStream, DEFAULT_FEE_SCHEDULE, REGISTRY_STREAM, terminalStream, wechatPayBillText, type BillLine } from '@posledger/domain';
import { walletDay, walletReferenceOf } from '@posledger/domain/testing';
import type { ReadStore } from '@posledger/read-store';
import { VIEW_PROJECTIONS } from '@posledger/views';
import { READ_STORE } from '../reports.tokens';
import { startReportsAppOnDisk, type ReportsAppOnDisk } from '../test-support/reports-app-on-disk';

jest.setTimeout(60_000);

const M = 'm-bills';
const cny = (minor: string) => ({ currency: 'CNY', minor });
const line = (kind: BillLine['kind'], reference: string, amount: string, fee: string, merchantReference = '') =>
  ({ kind, reference, merchantReference, refundReference: kind === 'REFUND' ? 'R-1' : '', localTime: '2026-11-23 10:00:00', amount: cny(amount), fee: cny(fee) });

/** The day's WeChat Pay bill with the sale of 50.00 missing and the first sale's fee wrong. */
const BILL = wechatPayBillText([line('SALE', walletReferenceOf(1), '12000', '99'), line('REFUND', walletReferenceOf(1), '2000', '0')]);

let reports: ReportsAppOnDisk;
let merchant: string;
let auditor: string;

const upload = (token: string | undefined, query: string, body: string | Buffer, contentType = 'text/csv') =>
  reports.app.inject({ method: 'POST', url: `/v1/bills?${query}`, headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) }, payload: body });

const decide = (token: string, payload: object) =>
  reports.app.inject({ method: 'POST', url: '/v1/reconciliation/decisions', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload });

const billEvents = async () => (await reports.eventStore.readStream(billStream(M))).map(({ type }) => type);

async function projected(): Promise<void> {
  const projection = VIEW_PROJECTIONS.find(({ name }) => name === 'reconciliation');
  const store = reports.app.get<symbol, ReadStore>(READ_STORE);
  for (const table of projection?.tables ?? []) await store.command(`TRUNCATE TABLE ${table}`);
  const rows = projection?.project(await reports.eventStore.readAll({ fromPosition: 0n, maxCount: 10_000 })) ?? {};
  for (const [table, tableRows] of Object.entries(rows)) await store.insert(table, tableRows);
}

beforeAll(async () => {
  reports = await startReportsAppOnDisk('reports-bills', 1_000_000);
  merchant = await reports.credentials.issueToken({ role: 'merchant', merchantId: M });
  auditor = await reports.credentials.issueToken({ role: 'auditor', subject: 'audit-1' });
  await reports.eventStore.appendToStream(REGISTRY_STREAM, [
    { id: crypto.randomUUID(), type: 'MerchantRegistered', data: { merchantId: M, name: 'Shop', timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE } },
    { id: crypto.randomUUID(), type: 'TerminalProvisioned', data: { terminalId: 't-1', merchantId: M, secretFingerprint: 'sha256:test' } },
  ], 'any');
  await reports.eventStore.appendToStream(terminalStream('t-1'), walletDay(M).map((event) => ({ id: crypto.randomUUID(), type: event.type, data: event.data })), 'any');
});

afterAll(async () => {
  await reports?.close();
});

describe('bills over HTTP', () => {
  it('refuses a malformed file with its line and reason, and records nothing', async () => {
    const broken = BILL.replace('`REFUND', '`REFUNDED');
    const response = await upload(merchant, 'source=wechat-pay', broken);

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: 'BILL.MALFORMED', line: 3 });
    expect(response.json().message).toMatch(/^line 3: /);
    expect(await billEvents()).toEqual([]);
  });

  it('refuses an auditor, no token, an unknown source and an empty body, each with its status', async () => {
    expect((await upload(auditor, 'source=wechat-pay', BILL)).statusCode).toBe(403);
    expect((await upload(undefined, 'source=wechat-pay', BILL)).statusCode).toBe(401);
    expect((await upload(merchant, 'source=paypal', BILL)).json()).toMatchObject({ error: 'BILL.UNKNOWN_SOURCE' });
    expect((await upload(merchant, 'source=wechat-pay', Buffer.alloc(0), 'application/octet-stream')).statusCode).toBe(400);
    expect(await billEvents()).toEqual([]);
  });

  it('imports a bill once: its hash, lines and discrepancies recorded; the same bytes again change nothing', async () => {
    const first = await upload(merchant, 'source=wechat-pay&fileName=wx-20261123.csv&importedBy=li.na', BILL);
    const again = await upload(merchant, 'source=wechat-pay', Buffer.from(BILL), 'application/octet-stream');

    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ imported: true, source: 'wechat-pay', date: '2026-11-23', sha256: createHash('sha256').update(BILL).digest('hex'), lines: 2, matched: 1 });
    expect(first.json().discrepancies.map(({ discrepancyId, kind }: { discrepancyId: string; kind: string }) => [discrepancyId, kind])).toEqual([['DSC-000001', 'FEE_DIFFERS'], ['DSC-000002', 'MISSING_IN_BILL']]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), imported: false });
    expect(await billEvents()).toEqual(['BillImported', 'BillReconciled']);
  });

  it('records a decision with who, refuses a second final one with 409 and an unknown discrepancy with 404', async () => {
    const decided = await decide(merchant, { discrepancyId: 'DSC-000002', decision: 'WRITE_OFF', note: 'refunded in cash', decidedBy: 'li.na' });

    expect(decided.statusCode).toBe(201);
    expect(decided.json()).toMatchObject({ merchantId: M, discrepancyId: 'DSC-000002', decision: 'WRITE_OFF', decidedBy: 'li.na' });
    expect((await decide(merchant, { discrepancyId: 'DSC-000002', decision: 'ACCEPT_BILL', decidedBy: 'li.na' })).statusCode).toBe(409);
    expect((await decide(merchant, { discrepancyId: 'DSC-000099', decision: 'WRITE_OFF', decidedBy: 'li.na' })).statusCode).toBe(404);
    expect((await decide(merchant, { discrepancyId: 'DSC-000001', decision: 'WRITE_OFF' })).statusCode).toBe(400);
    expect(await billEvents()).toEqual(['BillImported', 'BillReconciled', 'DiscrepancyResolved']);
  });

  it("answers the day's reconciliation in GraphQL, scoped to the token's merchant", async () => {
    await projected();
    const query = '{ reconciliation(date: "2026-11-23") { date status files { source fileName importedBy lines matched discrepancies current } discrepancies { id kind status decision { decision decidedBy } billFee { minor } ledgerFee { minor } } threeWay { scope billCount billAmount { minor } status } } }';
    const response = await reports.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${merchant}` }, payload: { query } });

    expect(response.json()).toEqual({
      data: {
        reconciliation: {
          date: '2026-11-23',
          status: 'OPEN',
          files: [{ source: 'wechat-pay', fileName: 'wx-20261123.csv', importedBy: 'li.na', lines: 2, matched: 1, discrepancies: 2, current: true }],
          discrepancies: [
            { id: 'DSC-000001', kind: 'FEE_DIFFERS', status: 'OPEN', decision: null, billFee: { minor: '99' }, ledgerFee: { minor: '72' } },
            { id: 'DSC-000002', kind: 'MISSING_IN_BILL', status: 'WRITE_OFF', decision: { decision: 'WRITE_OFF', decidedBy: 'li.na' }, billFee: null, ledgerFee: { minor: '30' } },
          ],
          threeWay: [
            { scope: 'BATCH', billCount: 1, billAmount: { minor: '12000' }, status: 'MISMATCH' },
            { scope: 'DAY', billCount: 1, billAmount: { minor: '12000' }, status: 'MISMATCH' },
          ],
        },
      },
    });
  });

  it('exports a day’s or a period’s discrepancies and three-way match with GraphQL’s figures, for the token’s merchant or the auditor’s named one', async () => {
    const exported = (token: string, query: string) => reports.app.inject({ method: 'GET', url: `/v1/exports/reconciliation?${query}`, headers: { authorization: `Bearer ${token}` } });
    const discrepancies = await exported(merchant, 'date=2026-11-23');
    const threeWay = await exported(auditor, `date=2026-11-23&part=three-way&merchantId=${M}`);

    expect(discrepancies.statusCode).toBe(200);
    const [header, ...rows] = discrepancies.body.trim().split(/\r?\n/);
    expect(header).toBe('date,discrepancy_id,source,kind,trade_kind,reference,line_number,terminal_id,transaction_id,currency,bill_amount_minor,ledger_amount_minor,bill_fee_minor,ledger_fee_minor,status,decision_note,decided_by,decided_at,found_at,file_sha256');
    expect(rows.map((row) => row.split(',').slice(1, 5).concat(row.split(',').slice(9, 16)))).toEqual([
      ['DSC-000001', 'wechat-pay', 'FEE_DIFFERS', 'SALE', 'CNY', '12000', '12000', '99', '72', 'OPEN', ''],
      ['DSC-000002', 'wechat-pay', 'MISSING_IN_BILL', 'SALE', 'CNY', '', '5000', '', '30', 'WRITE_OFF', 'refunded in cash'],
    ]);
    expect(threeWay.body.trim().split(/\r?\n/).slice(1)).toEqual(['2026-11-23,wechat-pay,BATCH,t-1,1,CNY,2,17000,2,17000,1,12000,MISMATCH', '2026-11-23,wechat-pay,DAY,,0,CNY,2,17000,2,17000,1,12000,MISMATCH']);
    const period = await exported(merchant, 'from=2026-11-20&to=2026-11-25&part=three-way');
    expect(period.body.trim().split(/\r?\n/).slice(1)).toEqual(threeWay.body.trim().split(/\r?\n/).slice(1));
    expect((await exported(merchant, 'from=2026-01-01&to=2026-06-01')).json()).toMatchObject({ error: 'REPORTS.INVALID_ARGUMENT', message: expect.stringContaining('at most 92 days') });
    expect((await exported(merchant, 'date=2026-11-31')).statusCode).toBe(400);
    expect((await exported(auditor, 'date=2026-11-23')).statusCode).toBe(403);
  });
});
