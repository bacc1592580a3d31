// The dashboard's Reconciliation tab (对账) in a real browser: a merchant's day of WeChat Pay sales (yesterday, in its
// zone) in two batches and a refund, and the day's WeChat Pay bill with planted discrepancies (a wrong fee, an amount
// off, a trade the ledger lacks, a sale and a refund the bill lacks) uploaded through the tab; every figure the tab
// shows is checked against GraphQL's `reconciliation`, a discrepancy decided through the tab, a malformed file
// refused with its line, the same file again changing nothing, the ledger's side opened in the sale drawer, 390 px
// and axe, an auditor reading without the forms, and the words in Chinese.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basisPointsOf, wechatPayBillText, type BillFileLine } from '@posledger/domain';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium, openPage, screenshot, seriousAccessibilityViolations } from './support/dashboard-browser';
import { eventually, graphql } from './support/graphql-client';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, type RawEvent } from './support/terminal-http';

jest.setTimeout(240_000);

const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`Chromium must be installed in CI (looked for ${CHROMIUM}); .ci/run installs Debian's chromium`);
if (!available) console.warn(`dashboard reconciliation browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
const describeWithBrowser = available ? describe : describe.skip;

const M = 'm-drc';
const T = 'drc-1';
const ZONE = 'Asia/Shanghai';
/** The merchant's fee on WeChat Pay (the default schedule), in basis points of the captured amount. */
const WECHAT_PAY_BPS = 60;
const MONEY = '{ currency minor }';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const cny = (minor: bigint | string) => ({ currency: 'CNY', minor: String(minor) });

interface Money {
  currency: string;
  minor: string;
}

interface Reconciliation {
  date: string;
  status: string;
  files: { source: string; sha256: string; fileName: string; importedBy: string; importedAt: string; lines: number; matched: number; discrepancies: number; current: boolean }[];
  discrepancies: {
    id: string;
    source: string;
    kind: string;
    tradeKind: string;
    reference: string;
    lineNumber: number | null;
    terminalId: string | null;
    transactionId: string | null;
    billAmount: Money | null;
    ledgerAmount: Money | null;
    billFee: Money | null;
    ledgerFee: Money | null;
    status: string;
    decision: { decision: string; note: string; decidedBy: string; decidedAt: string } | null;
  }[];
  threeWay: {
    source: string;
    scope: string;
    terminalId: string;
    batchNumber: number;
    terminalCount: number;
    terminalAmount: Money;
    ledgerCount: number;
    ledgerAmount: Money;
    billCount: number;
    billAmount: Money;
    status: string;
  }[];
}

const RECONCILIATION = `query($date: String!) { reconciliation(date: $date) {
  date status
  files { source sha256 fileName importedBy importedAt lines matched discrepancies current }
  discrepancies {
    id source kind tradeKind reference lineNumber terminalId transactionId billAmount ${MONEY} ledgerAmount ${MONEY} billFee ${MONEY} ledgerFee ${MONEY}
    status decision { decision note decidedBy decidedAt }
  }
  threeWay { source scope terminalId batchNumber terminalCount terminalAmount ${MONEY} ledgerCount ledgerAmount ${MONEY} billCount billAmount ${MONEY} status }
} }`;

/** The merchant's calendar day `days` from today, as the API takes dates. */
function merchantDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** An instant as the wallets write it: the merchant's wall clock, YYYY-MM-DD HH:MM:SS. */
const localTime = (at: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(at));

/** Minor units of CNY as the page writes them (the browser's own number format), or the dash for none. */
const cnyOn = (page: Page, money: Money | null, locale = 'en'): Promise<string> => {
  if (money === null) return Promise.resolve('–');
  const value = BigInt(money.minor);
  const magnitude = value < 0n ? -value : value;
  const decimal = `${value < 0n ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
  return page.evaluate(([text, language]) => new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(text as Intl.StringNumericLiteral), [decimal, locale]);
};

/** An instant as the page writes a date and time, on the merchant's clock. */
const dateTimeOn = (page: Page, iso: string): Promise<string> =>
  page.evaluate(([at, zone]) => new Intl.DateTimeFormat('en', { timeZone: zone, dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' }).format(new Date(at)), [iso, ZONE]);

/** A calendar day as the page writes it ("Mon, Nov 23, 2026"). */
const dayOn = (page: Page, date: string): Promise<string> =>
  page.evaluate((text) => new Intl.DateTimeFormat('en', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${text}T00:00:00Z`)), date);

const KIND_WORDS: Record<string, string> = { MISSING_IN_LEDGER: 'In the bill, not in the ledger', MISSING_IN_BILL: 'In the ledger, not in the bill', AMOUNT_DIFFERS: 'Amount differs', FEE_DIFFERS: 'Fee differs' };
const STATUS_WORDS: Record<string, string> = { OPEN: 'Open', INVESTIGATE: 'Investigating', ACCEPT_BILL: 'Bill accepted', WRITE_OFF: 'Written off' };
/** Chromium logs every refused request to the console: the refusals a test asks for are the only errors it may see. */
const refusedRequest = (status: string) => `Failed to load resource: the server responded with a status of ${status}`;
const countAndAmount = async (page: Page, count: number, amount: Money) => `${count} ${count === 1 ? 'sale' : 'sales'}, ${await cnyOn(page, amount)}`;

describeWithBrowser(`dashboard reconciliation tab in Chromium${available ? '' : ' (skipped: Chromium not installed)'}`, () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let browser: Browser;
  let token: string;
  let secret: string;
  let sequence = 0;
  /** Yesterday in the merchant's zone: the tab's day when none is asked for. */
  const day = merchantDay(-1);
  const ids = { a: randomUUID(), b: randomUUID(), c: randomUUID(), d: randomUUID(), e: randomUUID(), refund: randomUUID() };
  const walletReferences: Record<string, string> = {};
  const firstEvent: Record<string, RawEvent> = {};
  /** Every event of the day at 10:00 on the merchant's clock yesterday, a second apart. */
  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => {
    const raw = event(T, ++sequence, type, payload, transactionId);
    return { ...raw, occurredAt: new Date(Date.parse(`${day}T10:00:00+08:00`) + sequence * 1_000).toISOString() };
  };
  const wechatSale = (id: string, amountMinor: string): RawEvent[] => {
    walletReferences[id] = `4200002${day.replaceAll('-', '')}${String(sequence + 1).padStart(10, '0')}`;
    const events = [
      next('payment.method_selected', { method: 'WECHAT_PAY' }, id),
      next('amount.entered', { amountMinor, currency: 'CNY' }, id),
      next('qr.scanned', { walletReference: walletReferences[id] }, id),
      next('authorization.requested', {}, id),
      next('authorization.approved', { authCode: 'A1', hostReference: `H-${sequence}` }, id),
    ];
    firstEvent[id] = events[0];
    return events;
  };
  /** A bill line for a sale of the day, with the amount and fee the bill states. */
  const billSale = (id: string, amount: string, fee: bigint | string): BillFileLine => ({
    kind: 'SALE', reference: walletReferences[id], merchantReference: '', refundReference: '', localTime: localTime(firstEvent[id].occurredAt), amount: cny(amount), fee: cny(fee),
  });
  const fee = (minor: string) => basisPointsOf(BigInt(minor), WECHAT_PAY_BPS);
  const query = async <R>(document: string, variables: Record<string, unknown> = {}): Promise<R> => {
    const result = await graphql<R>(platform.graphqlUrl, token, document, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const reconciliation = async () => (await query<{ reconciliation: Reconciliation }>(RECONCILIATION, { date: day })).reconciliation;

  /** The extra trade the bill lists and the ledger never saw. */
  const stranger = '4200009999202600000001';
  /**
   * The day's bill: sale A as the ledger has it, B with a fee of 0.99 instead of 1.20, E of 66.60 instead of 66.66, D
   * as it is, and a stranger's 12.34; sale C and the refund of B are not in it.
   */
  let bill: string;
  const billName = () => `wechat-${day}.csv`;

  /** The link the platform printed for the dashboard, signed in with the merchant's token and opened at the tab. */
  const signIn = async (page: Page, search = '?tab=reconciliation'): Promise<void> => {
    const printed = /"dashboardUrl": "([^"]+)"/.exec(platform.output())?.[1];
    if (!printed) throw new Error(`no dashboard link printed: ${platform.output().slice(-2000)}`);
    await page.goto(`${printed}${search}#token=${token}`);
    await page.waitForSelector('[data-testid=reconciliation-status]', { timeout: 15_000 }).catch(async (error: Error) => {
      throw new Error(`${error.message}\n${await page.locator('main').innerText().catch(() => '(no main)')}`);
    });
  };

  /** The file chosen and uploaded through the tab's form; the result it shows. */
  const upload = async (page: Page, name: string, text: string, importedBy?: string) => {
    await page.selectOption('[data-testid=bill-source]', 'wechat-pay');
    await page.setInputFiles('[data-testid=bill-file]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    if (importedBy) await page.fill('[data-testid=bill-imported-by]', importedBy);
    await page.click('[data-testid=bill-submit]');
    const result = page.locator('[data-testid=upload-result]');
    await result.waitFor();
    return result;
  };

  /** Each discrepancy row as the tab shows it. */
  const shownDiscrepancies = (page: Page) =>
    page.locator('[data-table=discrepancies] tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const text = (id: string) => row.querySelector(`[data-testid=${id}]`)?.textContent ?? null;
        return {
          id: row.querySelector('th')?.textContent,
          status: row.getAttribute('data-status'),
          source: text('discrepancy-source'),
          kind: text('discrepancy-kind'),
          trade: text('discrepancy-trade'),
          reference: text('discrepancy-reference'),
          line: text('discrepancy-line'),
          transaction: text('discrepancy-transaction'),
          billAmount: text('bill-amount'),
          ledgerAmount: text('ledger-amount'),
          billFee: text('bill-fee'),
          ledgerFee: text('ledger-fee'),
          badge: text('discrepancy-status'),
        };
      }),
    );

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-dash-reconciliation-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', M, '--name', '对账茶馆 Reconciliation', '--timezone', ZONE, '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', M, '--id', T]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', M]).token;
    [platform, browser] = await Promise.all([startPlatformProcess(env), launchChromium()]);

    // Yesterday: four WeChat Pay sales in batch 1, one in batch 2, then 20.00 of B refunded.
    const events = [
      next('operator.signed_in', { operatorId: 'op-1' }),
      ...wechatSale(ids.a, '10000'), ...wechatSale(ids.b, '20000'), ...wechatSale(ids.c, '8888'), ...wechatSale(ids.e, '6666'),
      next('settlement.closed', { batchNumber: 1, totals: [{ method: 'WECHAT_PAY', count: 4, amountMinor: '45554', currency: 'CNY' }] }),
      ...wechatSale(ids.d, '5000'),
      next('settlement.closed', { batchNumber: 2, totals: [{ method: 'WECHAT_PAY', count: 1, amountMinor: '5000', currency: 'CNY' }] }),
      next('refund.approved', { originalTransactionId: ids.b, amountMinor: '2000', currency: 'CNY' }, ids.refund),
    ];
    expect((await postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events }))).status).toBe(202);
    await eventually(async () => (await query<{ balances: { settled: Money }[] }>(`{ balances { settled ${MONEY} } }`)).balances, (b) => b[0]?.settled.minor === '48554', { what: "yesterday's batches and the refund" });

    bill = wechatPayBillText([
      billSale(ids.a, '10000', fee('10000')),
      billSale(ids.b, '20000', '99'),
      billSale(ids.e, '6660', fee('6666')),
      billSale(ids.d, '5000', fee('5000')),
      { kind: 'SALE', reference: stranger, merchantReference: '', refundReference: '', localTime: `${day} 15:30:00`, amount: cny('1234'), fee: cny('7') },
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatformProcess(platform);
    if (env) rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('opens on yesterday with no bill, and refuses a malformed bill with its line number, recording nothing', async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);

    expect(await page.inputValue('[data-testid=reconciliation-day]')).toBe(day);
    expect(await page.getAttribute('[data-testid=reconciliation-status]', 'data-status')).toBe('NO_BILLS');
    expect(await page.innerText('[data-testid=reconciliation-summary]')).toBe('No bill imported for this day yet.');
    expect(await page.innerText('[data-section=discrepancies]')).toContain('No discrepancy.');

    // Sale B's amount (line 3: the header is line 1) is no amount.
    const broken = bill.replace('`200.00', '`200.0O');
    expect(broken).not.toBe(bill);
    const result = await upload(page, 'broken.csv', broken);

    expect(await result.getAttribute('data-outcome')).toBe('refused');
    expect(await result.getAttribute('data-line')).toBe('3');
    expect(await result.innerText()).toMatch(/^The file was refused at line 3, and nothing was recorded: line 3: /);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await reconciliation()).toMatchObject({ date: day, status: 'NO_BILLS', files: [], discrepancies: [], threeWay: [] });
    expect(await page.getAttribute('[data-testid=reconciliation-status]', 'data-status')).toBe('NO_BILLS');
    await screenshot(page, 'reconciliation-refused');
    expect(errors).toEqual([refusedRequest('422 (Unprocessable Entity)')]);
    await close();
  });

  it('imports the WeChat Pay bill through the tab, and shows exactly what GraphQL answers: the files, each planted discrepancy, the three-way match', async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    const result = await upload(page, billName(), bill, 'li.na');

    expect(await result.getAttribute('data-outcome')).toBe('imported');
    expect(await result.innerText()).toBe(`Imported ${billName()} as the WeChat Pay bill of ${await dayOn(page, day)}: 5 lines, 2 matched, 5 discrepancies.`);
    // The tab catches up with the views by itself.
    await page.waitForSelector('[data-testid=reconciliation-status][data-status=OPEN]');
    await page.waitForSelector('[data-table=three-way] tr[data-scope=DAY]');
    expect(await page.innerText('[data-testid=reconciliation-summary]')).toBe('5 discrepancies await a decision.');
    expect(await page.innerText('[data-testid=reconciliation-badge]')).toBe('Open');

    const found = await reconciliation();
    // The planted discrepancies, and nothing else; the ledger's fees are 60 bp of each sale.
    expect(found).toMatchObject({ date: day, status: 'OPEN' });
    expect(found.discrepancies.map((d) => [d.id, d.kind, d.tradeKind, d.reference, d.lineNumber, d.transactionId, d.billAmount?.minor, d.ledgerAmount?.minor, d.billFee?.minor, d.ledgerFee?.minor, d.status])).toEqual([
      ['DSC-000001', 'FEE_DIFFERS', 'SALE', walletReferences[ids.b], 3, ids.b, '20000', '20000', '99', '120', 'OPEN'],
      ['DSC-000002', 'AMOUNT_DIFFERS', 'SALE', walletReferences[ids.e], 4, ids.e, '6660', '6666', '40', '40', 'OPEN'],
      ['DSC-000003', 'MISSING_IN_LEDGER', 'SALE', stranger, 6, null, '1234', undefined, '7', undefined, 'OPEN'],
      ['DSC-000004', 'MISSING_IN_BILL', 'SALE', walletReferences[ids.c], null, ids.c, undefined, '8888', undefined, '53', 'OPEN'],
      ['DSC-000005', 'MISSING_IN_BILL', 'REFUND', walletReferences[ids.b], null, ids.refund, undefined, '2000', undefined, '0', 'OPEN'],
    ]);
    expect(found.threeWay.map((w) => [w.scope, w.terminalId, w.batchNumber, w.terminalCount, w.terminalAmount.minor, w.ledgerCount, w.ledgerAmount.minor, w.billCount, w.billAmount.minor, w.status])).toEqual([
      ['BATCH', T, 1, 4, '45554', 4, '45554', 3, '36660', 'MISMATCH'],
      ['BATCH', T, 2, 1, '5000', 1, '5000', 1, '5000', 'MATCHED'],
      ['DAY', '', 0, 5, '50554', 5, '50554', 5, '42894', 'MISMATCH'],
    ]);

    // The files: who imported which file when, what matching found, its hash, and that it is the current one.
    expect(found.files.map((f) => [f.source, f.fileName, f.importedBy, f.lines, f.matched, f.discrepancies, f.sha256, f.current])).toEqual([['wechat-pay', billName(), 'li.na', 5, 2, 5, sha256(bill), true]]);
    const [file] = found.files;
    const fileRow = page.locator(`[data-table=bill-files] tr[data-file="${file.sha256}"]`);
    expect(
      await fileRow.evaluate((row) => ['file-source', 'file-name', 'file-imported-by', 'file-imported-at', 'file-lines', 'file-matched', 'file-discrepancies', 'file-sha256', 'file-state'].map((id) => row.querySelector(`[data-testid=${id}]`)?.textContent)),
    ).toEqual(['WeChat Pay', file.fileName, file.importedBy, await dateTimeOn(page, file.importedAt), String(file.lines), String(file.matched), String(file.discrepancies), `${file.sha256.slice(0, 8)}…${file.sha256.slice(-4)}`, 'Current']);
    expect(await fileRow.locator('[data-testid=file-sha256]').getAttribute('title')).toBe(file.sha256);

    // Every discrepancy, in GraphQL's order, with GraphQL's figures in the page's words and money.
    expect(await shownDiscrepancies(page)).toEqual(
      await Promise.all(
        found.discrepancies.map(async (d) => ({
          id: d.id,
          status: d.status,
          source: 'WeChat Pay',
          kind: KIND_WORDS[d.kind],
          trade: d.tradeKind === 'SALE' ? 'Sale' : 'Refund',
          reference: d.reference,
          line: d.lineNumber === null ? '–' : String(d.lineNumber),
          transaction: d.transactionId ?? '–',
          billAmount: await cnyOn(page, d.billAmount),
          ledgerAmount: await cnyOn(page, d.ledgerAmount),
          billFee: await cnyOn(page, d.billFee),
          ledgerFee: await cnyOn(page, d.ledgerFee),
          badge: STATUS_WORDS[d.status],
        })),
      ),
    );
    expect(await page.locator('[data-table=discrepancies] [data-testid=decide]').count()).toBe(5);

    // The three-way match: each batch of the day and the day, terminal, ledger and bill side by side.
    const shownThreeWay = await page.locator('[data-three-way=wechat-pay] [data-table=three-way] tbody tr').evaluateAll((rows) =>
      rows.map((row) => ['three-way-scope', 'three-way-terminal', 'three-way-ledger', 'three-way-bill', 'three-way-status'].map((id) => row.querySelector(`[data-testid=${id}]`)?.textContent)),
    );
    expect(shownThreeWay).toEqual(
      await Promise.all(
        found.threeWay.map(async (w) => [
          w.scope === 'DAY' ? 'Whole day' : `Terminal ${w.terminalId}, batch ${w.batchNumber}`,
          await countAndAmount(page, w.terminalCount, w.terminalAmount),
          await countAndAmount(page, w.ledgerCount, w.ledgerAmount),
          await countAndAmount(page, w.billCount, w.billAmount),
          w.status === 'MATCHED' ? 'Matched' : 'Mismatch',
        ]),
      ),
    );
    await screenshot(page, 'reconciliation-imported');
    expect(errors).toEqual([]);
    await close();
  });

  it('says the same file uploaded again changed nothing, and nothing did', async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    await page.waitForSelector('[data-testid=reconciliation-status][data-status=OPEN]');
    const before = await reconciliation();
    const result = await upload(page, billName(), bill, 'someone.else');

    expect(await result.getAttribute('data-outcome')).toBe('unchanged');
    expect(await result.innerText()).toBe(`This file was imported already (SHA-256 ${sha256(bill).slice(0, 8)}…${sha256(bill).slice(-4)}): nothing changed.`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await reconciliation()).toEqual(before);
    expect(await page.locator('[data-table=bill-files] tbody tr').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it("exports the day's discrepancies from the toolbar, as GraphQL lists them", async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    await page.waitForSelector('[data-testid=reconciliation-status][data-status=OPEN]');
    const { discrepancies } = await reconciliation();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);

    expect(csv.suggestedFilename()).toBe(`reconciliation-${M}.csv`);
    const rows = readFileSync(await csv.path(), 'utf8').trim().split(/\r?\n/).slice(1).map((row) => row.split(','));
    expect(rows.map((row) => [row[0], row[1], row[3], row[14]])).toEqual(discrepancies.map((d) => [day, d.id, d.kind, d.status]));
    expect(errors).toEqual([]);
    await close();
  });

  it('decides discrepancies through the tab: each recorded with who, what and when; one decided finally elsewhere takes no other', async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    await page.waitForSelector('[data-testid=reconciliation-status][data-status=OPEN]');
    const decide = async (id: string, decision: string, note: string, who: string) => {
      const row = page.locator(`[data-table=discrepancies] tr[data-discrepancy="${id}"]`);
      await row.locator('[data-testid=decide-decision]').selectOption(decision);
      await row.locator('[data-testid=decide-note]').fill(note);
      await row.locator('[data-testid=decide-who]').fill(who);
      await row.locator('[data-testid=decide-submit]').click();
      await page.waitForSelector(`[data-table=discrepancies] tr[data-discrepancy="${id}"][data-status=${decision}]`);
      return row;
    };

    const accepted = await decide('DSC-000001', 'ACCEPT_BILL', 'WeChat Pay charged 0.99', 'wang.fang');
    const investigated = await decide('DSC-000003', 'INVESTIGATE', 'not one of ours?', 'li.na');
    const found = await reconciliation();
    const [first, , third] = found.discrepancies;

    expect([first.status, first.decision?.decision, first.decision?.note, first.decision?.decidedBy]).toEqual(['ACCEPT_BILL', 'ACCEPT_BILL', 'WeChat Pay charged 0.99', 'wang.fang']);
    expect([third.status, third.decision?.decidedBy]).toEqual(['INVESTIGATE', 'li.na']);
    expect(found.status).toBe('OPEN');
    expect(await accepted.locator('[data-testid=discrepancy-status]').innerText()).toBe('Bill accepted');
    expect(await accepted.locator('[data-testid=discrepancy-decided] p').allInnerTexts()).toEqual([`Bill accepted by wang.fang, ${await dateTimeOn(page, first.decision?.decidedAt ?? '')}`, 'Note: WeChat Pay charged 0.99']);
    expect(await accepted.locator('[data-testid=decide]').count()).toBe(0);
    // Under investigation it stays open to a final decision.
    expect(await investigated.locator('[data-testid=discrepancy-status]').innerText()).toBe('Investigating');
    expect(await investigated.locator('[data-testid=discrepancy-decided] p').first().innerText()).toBe(`Sent for investigation by li.na, ${await dateTimeOn(page, third.decision?.decidedAt ?? '')}`);
    expect(await investigated.locator('[data-testid=decide]').count()).toBe(1);
    expect(await page.innerText('[data-testid=reconciliation-summary]')).toBe('4 discrepancies await a decision.');

    // Decided finally elsewhere (another tab, the API) while this tab, paused, still offers the form: the API refuses
    // this tab's decision, and the tab says so and shows the one taken.
    await page.click('[data-testid=live]');
    const elsewhere = await fetch(`${platform.graphqlUrl.replace(/\/graphql$/, '')}/v1/reconciliation/decisions`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ discrepancyId: 'DSC-000003', decision: 'WRITE_OFF', note: 'a test payment', decidedBy: 'zhao.lei' }),
    });
    expect(elsewhere.status).toBe(201);
    await eventually(reconciliation, (r) => r.discrepancies[2]?.status === 'WRITE_OFF', { what: 'the decision taken elsewhere' });
    expect(await investigated.getAttribute('data-status')).toBe('INVESTIGATE');
    await investigated.locator('[data-testid=decide-decision]').selectOption('ACCEPT_BILL');
    await investigated.locator('[data-testid=decide-who]').fill('li.na');
    await investigated.locator('[data-testid=decide-submit]').click();
    await page.waitForSelector('[data-table=discrepancies] tr[data-discrepancy="DSC-000003"][data-status=WRITE_OFF]');
    expect(await page.innerText('[data-testid=decided-before]')).toBe('DSC-000003 was decided finally already, in another tab or by someone else: its decision is shown.');
    expect(await investigated.locator('[data-testid=discrepancy-decided] p').first().innerText()).toMatch(/^Written off by zhao\.lei, /);
    expect(await investigated.locator('[data-testid=decide]').count()).toBe(0);
    expect(await page.innerText('[data-testid=reconciliation-summary]')).toBe('3 discrepancies await a decision.');
    await screenshot(page, 'reconciliation-decided');
    expect(errors).toEqual([refusedRequest('409 (Conflict)')]);
    await close();
  });

  it("opens the ledger's side in the sale drawer: a sale as it is, a refund through the sale it refunds", async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    await page.waitForSelector('[data-table=discrepancies]');

    await page.click('[data-table=discrepancies] tr[data-discrepancy="DSC-000004"] [data-testid=discrepancy-transaction] button');
    await page.waitForSelector('[data-testid=drawer] [data-testid=history]');
    expect(page.url()).toContain(`sale=${ids.c}`);
    expect(await page.innerText('[data-testid=drawer-amount]')).toBe(await cnyOn(page, cny('8888')));
    await page.click('[data-testid=drawer] button');
    await page.waitForSelector('[data-testid=drawer]', { state: 'detached' });

    await page.click('[data-table=discrepancies] tr[data-discrepancy="DSC-000005"] [data-testid=discrepancy-transaction] button');
    await page.waitForSelector('[data-testid=drawer] [data-testid=history]');
    expect(page.url()).toContain(`sale=${ids.b}`);
    expect(await page.innerText('[data-testid=drawer-amount]')).toBe(await cnyOn(page, cny('20000')));
    expect(errors).toEqual([]);
    await close();
  });

  it("reads at 390 px wide (and a tablet's 820 px, a desktop's 1280 px) without sideways scrolling, the decide forms open, and axe finds nothing serious", async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await signIn(page);
    await page.waitForSelector('[data-table=three-way]');
    await page.waitForLoadState('networkidle');
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    /** What sticks out to the right, to say what to fix when something does. */
    const sticking = () => page.$$eval('main *', (elements) => elements.filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5).map((element) => `${element.tagName.toLowerCase()}.${element.className}[${element.getAttribute('data-testid') ?? ''}] ${Math.round(element.getBoundingClientRect().right)}`).slice(0, 8));

    await screenshot(page, '390px-reconciliation-bills');
    expect([await overflow(), await sticking()]).toEqual([0, []]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    for (const width of [820, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      expect([width, await overflow(), await sticking()]).toEqual([width, 0, []]);
    }
    await screenshot(page, '1280px-reconciliation-bills');
    expect(errors).toEqual([]);
    await close();
  });

  it("lets an auditor read the merchant's reconciliation, without the upload or the decide forms", async () => {
    const auditor = cli<{ token: string }>(env, ['token', '--auditor']).token;
    const { page, errors, close } = await openPage(browser);
    const printed = /"dashboardUrl": "([^"]+)"/.exec(platform.output())?.[1];
    await page.goto(`${printed}?tab=reconciliation&merchant=${M}#token=${auditor}`);
    await page.waitForSelector('[data-table=discrepancies]');

    expect(await page.locator('[data-table=discrepancies] tbody tr').count()).toBe((await reconciliation()).discrepancies.length);
    expect(await page.locator('[data-testid=bill-upload], [data-testid=decide]').count()).toBe(0);
    expect(await page.innerText('[data-section=reconciliation]')).toContain('only the merchant’s own token imports bills and decides');
    expect(errors).toEqual([]);
    await close();
  });

  it('speaks Chinese: the tab is 对账, the kinds 手续费不符, 金额不符, 账单有、账本无, 账本有、账单无', async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    await page.waitForSelector('[data-table=discrepancies]');
    await page.selectOption('[data-testid=language]', 'zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const found = await reconciliation();

    expect(await page.innerText('#tab-reconciliation')).toBe('对账');
    expect(await page.locator('[data-table=discrepancies] [data-testid=discrepancy-kind]').allInnerTexts()).toEqual(['手续费不符', '金额不符', '账单有、账本无', '账本有、账单无', '账本有、账单无']);
    expect(await page.locator('[data-table=discrepancies] [data-testid=discrepancy-status]').allInnerTexts()).toEqual(['以账单为准', '待处理', '已核销', '待处理', '待处理']);
    expect(await page.locator('[data-table=discrepancies] [data-testid=discrepancy-trade]').allInnerTexts()).toEqual(['销售', '销售', '销售', '销售', '退款']);
    expect(await page.locator('[data-table=discrepancies] [data-testid=bill-fee]').first().innerText()).toBe(await cnyOn(page, found.discrepancies[0].billFee, 'zh-CN'));
    expect(await page.innerText('[data-testid=reconciliation-summary]')).toBe('3 笔差异待处理。');
    expect(await page.locator('[data-three-way=wechat-pay] [data-testid=three-way-status]').allInnerTexts()).toEqual(['未对平', '已对平', '未对平']);
    expect(await page.locator('[data-three-way=wechat-pay] [data-testid=three-way-scope]').allInnerTexts()).toEqual([`终端 ${T}，批次 1`, `终端 ${T}，批次 2`, '全天']);
    expect(await page.innerText('[data-testid=file-state]')).toBe('当前文件');
    expect(await page.innerText('[data-testid=bill-submit]')).toBe('上传');
    // Every heading, column, label and button of the tab is in Chinese (a sale's id is no word).
    const labels = await page.$$eval('#panel-reconciliation :is(h2, h3, th[scope=col], caption, label, button:not(.link), option)', (elements) =>
      elements.map((element) => (element.textContent ?? '').trim()).filter((text) => /\p{L}/u.test(text)),
    );
    expect(labels.length).toBeGreaterThan(40);
    expect(labels.filter((label) => !/\p{Script=Han}/u.test(label))).toEqual([]);
    await screenshot(page, 'reconciliation-zh-CN');
    expect(errors).toEqual([]);
    await close();
  });
});
