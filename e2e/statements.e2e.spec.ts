// Daily statements (日结单) through the operators' CLI while the platform runs: issued from the event store as CSV and
// PDF with their SHA-256 recorded, every figure equal to GraphQL's, the PDF a page per section holding the totals; issued again unchanged or as a new version; verified against a
// merchant's file (a tampered one is refused); downloaded as the exact bytes the hash covers.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, graphql } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { pdfPages } from './support/pdf-text';
import { event, postSigned, qrSale, type RawEvent } from './support/terminal-http';

jest.setTimeout(180_000);

const T = 'st-1';
const M = 'm-st';
const ZONE = 'Asia/Shanghai';
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

interface Issued {
  merchantId: string;
  date: string;
  version: number;
  throughPosition: string;
  sha256: string;
  csv: string;
  pdfSha256: string;
  files?: string[];
}

/** The statement's rows as `section method count amount` (the last four CSV columns). */
const linesOf = (csv: string): string[] => csv.trim().split('\n').slice(1).map((line) => line.split(',').slice(-4).join(' '));

describe('daily statements', () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let token: string;
  let secret: string;
  let sequence = 0;
  let first: Issued;
  const [saleA, saleB] = [randomUUID(), randomUUID()];
  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => event(T, ++sequence, type, payload, transactionId);
  const sale = (id: string, amountMinor: string): RawEvent[] => {
    const events = qrSale(T, sequence + 1, amountMinor, id);
    sequence += events.length;
    return events;
  };
  const post = async (events: RawEvent[]) => expect((await postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events }))).status).toBe(202);
  const query = async <R>(document: string) => (await graphql<R>(platform.graphqlUrl, token, document)).data;
  const issue = (...out: string[]) => cli<Issued>(env, ['statement', 'issue', '--merchant', M, '--date', today(), ...out]);

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-statements-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', M, '--name', '面包店, 南京路', '--timezone', ZONE, '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', M, '--id', T]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', M]).token;
    platform = await startPlatformProcess(env);
    await post([
      next('operator.signed_in', { operatorId: 'op-1' }),
      ...sale(saleA, '10000'), ...sale(saleB, '20000'),
      next('settlement.closed', { batchNumber: 1, totals: [{ method: 'WECHAT_PAY', count: 2, amountMinor: '30000', currency: 'CNY' }] }),
      next('refund.approved', { originalTransactionId: saleB, amountMinor: '5000', currency: 'CNY' }, randomUUID()),
    ]);
    await eventually(() => query<{ balances: unknown[] }>('{ balances { settled { minor } } }'), (d) => JSON.stringify(d).includes('"25000"'), { what: 'the settled batch and the refund' });
    expect(cliRun(env, ['dispute', 'open', '--terminal', T, '--id', 'cb-1', '--transaction', saleA, '--amount', '10000', '--reason', 'fraud']).status).toBe(0);
    expect(cliRun(env, ['dispute', 'lost', '--terminal', T, '--id', 'cb-1', '--fee', '1500']).status).toBe(0);
    const run = cli<{ payouts: { payoutId: string }[] }>(env, ['payout', 'run', '--merchant', M]);
    expect(run.payouts.map((p) => p.payoutId)).toEqual(['PO-000001']);
    expect(cliRun(env, ['payout', 'confirm', '--merchant', M, '--id', 'PO-000001', '--bank-reference', 'ICBC-1']).status).toBe(0);
    await post(sale(randomUUID(), '700'));
  });

  afterAll(async () => {
    await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it("issues the day's statement: opening, sales, refunds, disputes, fees, payouts and closing, each equal to GraphQL's figures", async () => {
    // Wait until the views hold the last sale, so that both sides count the same events. The statement counts what was
    // recorded on the day; salesSummary buckets by when a sale occurred, and the test's sales occurred an hour ago
    // (yesterday in Shanghai for the first hour after its midnight), so the summary is asked for all of this merchant's.
    const figures = await eventually(
      () => query<{ balances: { pending: { minor: string }; available: { minor: string }; held: { minor: string }; inTransit: { minor: string }; paidOut: { minor: string } }[]; salesSummary: { gross: { minor: string }; refunds: { minor: string }; fees: { minor: string }; disputes: { minor: string } }[] }>(
        `{ balances { pending { minor } available { minor } held { minor } inTransit { minor } paidOut { minor } }
           salesSummary(from: "2000-01-01", to: "2100-01-01", groupBy: PAYMENT_METHOD) { gross { minor } refunds { minor } fees { minor } disputes { minor } } }`,
      ),
      (d) => d?.balances[0]?.pending.minor === '700' && d.balances[0].paidOut.minor !== '0',
      { what: 'the last sale and the payout' },
    );
    first = issue('--out', join(env.dataDir, 'issued'));
    expect(first).toMatchObject({ merchantId: M, date: today(), version: 1, sha256: sha256(first.csv) });
    const [csvFile, pdfFile] = first.files ?? [];
    expect(readFileSync(csvFile, 'utf8')).toBe(first.csv);
    expect(sha256(readFileSync(pdfFile))).toBe(first.pdfSha256);
    delete first.files;
    expect(first.csv.split('\n')[0]).toBe('merchant_id,merchant_name,date,time_zone,currency,section,method,count,amount_minor');
    expect(first.csv.split('\n')[1]).toBe(`${M},"面包店, 南京路",${today()},${ZONE},CNY,OPENING,,,0`);
    expect(linesOf(first.csv)).toEqual([
      'OPENING   0', 'SALES WECHAT_PAY 3 30700', 'REFUNDS WECHAT_PAY 1 -5000', 'DISPUTES WECHAT_PAY 1 -10000', 'FEES  2 -1680', 'PAYOUTS  1 -13320', 'CLOSING   700',
    ]);
    const [balance] = figures?.balances ?? [];
    const owed = ['pending', 'available', 'held', 'inTransit'].reduce((sum, key) => sum + BigInt((balance as unknown as Record<string, { minor: string }>)[key].minor), 0n);
    expect(owed.toString()).toBe('700');
    expect(figures?.salesSummary).toEqual([{ gross: { minor: '30700' }, refunds: { minor: '5000' }, fees: { minor: '1680' }, disputes: { minor: '10000' } }]);
    expect(balance.paidOut).toEqual({ minor: '13320' });
  });

  it('renders the PDF a person would print: a summary page, then a page per section, each holding its totals', () => {
    const pages = pdfPages(readFileSync(join(env.dataDir, 'issued', `statement-${M}-${today()}-v1.pdf`)));
    expect(pages).toHaveLength(6);
    expect(pages[0]).toContain('日结单 Daily statement');
    for (const total of ['0.00 CNY', '307.00 CNY', '-50.00 CNY', '-100.00 CNY', '-16.80 CNY', '-133.20 CNY', '7.00 CNY', first.sha256]) expect(pages[0]).toContain(total);
    const titles = ['销售 Sales', '退款 Refunds', '拒付 Chargebacks lost', '手续费 Fees', '结算到账 Payouts'];
    const totals = ['307.00 CNY', '-50.00 CNY', '-100.00 CNY', '-16.80 CNY', '-133.20 CNY'];
    pages.slice(1).forEach((page, i) => {
      expect(page).toContain(titles[i]);
      expect(page).toContain(`合计 Total`);
      expect(page).toContain(totals[i]);
    });
  });

  it('issued again with the same figures changes nothing; after a later sale it is version 2, and both stay', async () => {
    const { files: _files, ...again } = issue();
    expect(again).toEqual(first);
    await post(sale(randomUUID(), '300'));
    const second = await eventually(() => issue(), (issued) => issued.version === 2, { what: 'version 2' });
    expect(linesOf(second.csv)).toContain('SALES WECHAT_PAY 4 31000');
    expect(linesOf(second.csv).at(-1)).toBe('CLOSING   1000');
    const listed = await eventually(() => query<{ statements: unknown[] }>(`{ statements(from: "${today()}", to: "2100-01-01") { date version sha256 } }`), (d) => d?.statements.length === 2, { what: 'both versions' });
    expect(listed?.statements).toEqual([{ date: today(), version: 1, sha256: first.sha256 }, { date: today(), version: 2, sha256: second.sha256 }]);
  });

  it("verifies a merchant's file against the recorded hashes and refuses a tampered one", () => {
    const file = join(env.dataDir, 'statement.csv');
    writeFileSync(file, first.csv);
    expect(cli(env, ['statement', 'verify', '--merchant', M, file])).toMatchObject({ verified: true, date: today(), version: 1, sha256: first.sha256 });
    expect(cli(env, ['statement', 'verify', '--merchant', M, join(env.dataDir, 'issued', `statement-${M}-${today()}-v1.pdf`)])).toMatchObject({ verified: true, version: 1, pdfSha256: first.pdfSha256 });
    writeFileSync(file, first.csv.replace('-1680', '-1580'));
    const tampered = cliRun(env, ['statement', 'verify', '--merchant', M, file]);
    expect(tampered.status).toBe(3);
    expect(JSON.parse(tampered.stdout)).toMatchObject({ verified: false });
  });

  it('downloads the exact bytes the hash covers, and refuses a day without a statement', async () => {
    const response = await fetch(`${platform.graphqlUrl.replace(/\/graphql$/, '')}/v1/exports/statement?date=${today()}&version=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(sha256(bytes)).toBe(first.sha256);
    expect(response.headers.get('x-statement-sha256')).toBe(first.sha256);
    const pdf = await fetch(`${platform.graphqlUrl.replace(/\/graphql$/, '')}/v1/exports/statement?date=${today()}&version=1&format=pdf`, { headers: { authorization: `Bearer ${token}` } });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(sha256(Buffer.from(await pdf.arrayBuffer()))).toBe(first.pdfSha256);
    const missing = await fetch(`${platform.graphqlUrl.replace(/\/graphql$/, '')}/v1/exports/statement?date=2020-01-01`, { headers: { authorization: `Bearer ${token}` } });
    expect(missing.status).toBe(404);
  });
});
