// The merchant dashboard in a real browser: Debian's Chromium driven by playwright-core, against `posledger start
// --demo` (what `npm start` runs) with one more merchant whose day of sales the suite sent itself.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, labelTexts, launchChromium, openPage, printedDashboardLink, screenshot, seriousAccessibilityViolations } from './support/dashboard-browser';
import { dashboardSales, type DashboardSales } from './support/dashboard-sales';
import { eventually, graphql } from './support/graphql-client';
import { cli, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { postSigned } from './support/terminal-http';

jest.setTimeout(90_000);

const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`Chromium must be installed in CI (looked for ${CHROMIUM}); .ci/run installs Debian's chromium`);
if (!available) console.warn(`dashboard browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
const describeWithBrowser = available ? describe : describe.skip;

const MERCHANT = { id: 'm-dash', name: 'Dashboard 测试店', timeZone: 'Asia/Shanghai', currency: 'CNY' };
const TERMINALS = ['d-1', 'd-2'] as const;
const MONEY = '{ currency minor }';
const BUCKET = `key count gross ${MONEY} tips ${MONEY} refunds ${MONEY} voids ${MONEY} fees ${MONEY} offlineDeclined ${MONEY} disputes ${MONEY} net ${MONEY}`;

interface Bucket {
  key: string;
  count: number;
  gross: { minor: string };
  tips: { minor: string };
  refunds: { minor: string };
  voids: { minor: string };
  fees: { minor: string };
  offlineDeclined: { minor: string };
  disputes: { minor: string };
  net: { minor: string };
}

interface EndOfDay {
  totals: Bucket[];
  byMethod: Bucket[];
  settlements: { terminalId: string; batchNumber: number; status: string }[];
  shifts: { shiftId: string; operatorId: string; overShort: { minor: string } | null }[];
}

/** The merchant's calendar day `days` from today (or from the day of the instant `at`), as the API takes dates. */
function merchantDay(days: number, at = Date.now()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: MERCHANT.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describeWithBrowser(`merchant dashboard in Chromium${available ? '' : ' (skipped: Chromium not installed)'}`, () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let browser: Browser;
  let token: string;
  let auditor: string;
  let sales: DashboardSales;
  const secrets: Record<string, string> = {};
  const dashboardUrl = (search = '', tokenOfLink = token) => `${platform.graphqlUrl.replace('/graphql', '/')}${search}#token=${tokenOfLink}`;

  /** Last 7 days of the merchant summed over its methods, as GraphQL gives them. */
  const lastSevenDays = async (): Promise<Bucket[]> => {
    const query = `query($from: String!, $to: String!) { salesSummary(from: $from, to: $to, groupBy: PAYMENT_METHOD) { ${BUCKET} } }`;
    const result = await graphql<{ salesSummary: Bucket[] }>(platform.graphqlUrl, token, query, { from: merchantDay(-6), to: merchantDay(1) });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.salesSummary;
  };

  /** GraphQL's end of day (日结) of the merchant, or of one terminal. */
  const endOfDay = async (day: string, terminalId?: string): Promise<EndOfDay> => {
    const query = `query($day: String!, $terminalId: ID) { endOfDay(day: $day, terminalId: $terminalId) {
      totals { ${BUCKET} } byMethod { ${BUCKET} } settlements { terminalId batchNumber status } shifts { shiftId operatorId overShort ${MONEY} }
    } }`;
    const result = await graphql<{ endOfDay: EndOfDay }>(platform.graphqlUrl, token, query, { day, terminalId });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.endOfDay;
  };

  /** Minor units of CNY as the page writes them in English (the browser's own number format). */
  const cnyOn = (page: Page, minor: bigint | string): Promise<string> => {
    const value = BigInt(minor);
    const magnitude = value < 0n ? -value : value;
    const decimal = `${value < 0n ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
    return page.evaluate((text) => new Intl.NumberFormat('en', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(text as Intl.StringNumericLiteral), decimal);
  };

  const signedIn = async (page: Page, search = '?range=last7'): Promise<void> => {
    await page.goto(dashboardUrl(search));
    await page.waitForSelector('[role=tabpanel] .card');
  };

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-dash-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', MERCHANT.id, '--name', MERCHANT.name, '--timezone', MERCHANT.timeZone, '--currency', MERCHANT.currency]);
    for (const terminalId of TERMINALS) secrets[terminalId] = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', MERCHANT.id, '--id', terminalId]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', MERCHANT.id]).token;
    auditor = cli<{ token: string }>(env, ['token', '--auditor']).token;
    [platform, browser] = await Promise.all([startPlatformProcess(env, ['--demo']), launchChromium()]);
    sales = dashboardSales(Date.now(), TERMINALS);
    for (const terminal of sales.terminals) expect((await postSigned(platform.ingestUrl, terminal.terminalId, secrets[terminal.terminalId], terminal.body())).status).toBe(202);
    await eventually(lastSevenDays, (buckets) => buckets.reduce((sum, b) => sum + BigInt(b.refunds.minor), 0n) === 1000n && buckets.some((b) => b.fees.minor !== '0'));
  });

  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatformProcess(platform);
    rmSync(env.dataDir, { recursive: true, force: true });
  });

  it('signs in through the link the platform prints, and takes the token out of the address bar', async () => {
    const { page, errors, close } = await openPage(browser);
    const link = await printedDashboardLink(platform.output);

    const response = await page.goto(link);
    await page.waitForSelector('[data-testid=kpi-gross]');

    expect(await page.locator('[data-testid=merchant-name]').innerText()).toBe('上海示范便利店 (demo)');
    expect(await page.locator('[data-testid=merchant-zone]').innerText()).toBe('Asia/Shanghai');
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate(() => sessionStorage.getItem('posledger.token'))).toBe(link.split('#token=')[1]);
    expect(await page.locator('[data-testid=refreshed]').innerText()).toMatch(/^Updated \d{2}:\d{2}:\d{2} \(GMT\+8\)$/);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    expect(response?.headers()['content-security-policy']).not.toContain('unsafe');
    await screenshot(page, 'printed-link');
    expect(errors).toEqual([]);
    await close();
  });

  it("shows the KPIs GraphQL gives for the same range, a series per method, and refreshes them in place", async () => {
    const { page, errors, close } = await openPage(browser);
    await signedIn(page);
    await page.waitForSelector('[data-testid=kpi-gross]');
    const buckets = await lastSevenDays();
    const sum = (figure: 'gross' | 'refunds' | 'voids' | 'fees' | 'net') => buckets.reduce((total, b) => total + BigInt(b[figure].minor), 0n);
    const count = buckets.reduce((total, b) => total + b.count, 0);
    const cny = (minor: bigint) => cnyOn(page, minor);
    const average = (sum('gross') * 2n + BigInt(count)) / (2n * BigInt(count));

    const shown = async (kpi: string) => page.locator(`[data-testid=kpi-${kpi}]`).innerText();
    await page.waitForFunction(() => document.querySelector('[data-chart=by-day]')?.getAttribute('data-rendered-series') !== null);

    expect({ gross: await shown('gross'), refunds: await shown('refunds'), voids: await shown('voids'), fees: await shown('fees'), net: await shown('net'), count: await shown('count'), average: await shown('average') }).toEqual({
      gross: await cny(sum('gross')),
      refunds: await cny(sum('refunds')),
      voids: await cny(sum('voids')),
      fees: await cny(sum('fees')),
      net: await cny(sum('net')),
      count: String(count),
      average: await cny(average),
    });
    expect(sum('refunds')).toBe(1000n);
    expect(sum('voids')).toBe(3000n);
    // The sale eight days ago is the previous period's: the change is shown against it.
    expect(await page.locator('[data-testid=kpi-gross-change]').innerText()).toMatch(/^▲ \+[\d,.]+% \(then CN¥80\.00\)$/);
    // It had no refund: a percentage of nothing means nothing, so the card says which way from zero.
    expect(await page.locator('[data-testid=kpi-refunds-change]').innerText()).toBe('▲ Up from zero (then CN¥0.00)');
    expect(await page.locator('[data-chart=by-day]').getAttribute('data-rendered-series')).toBe(String(buckets.length));
    expect(await page.locator('[data-table=by-day] tbody tr').count()).toBe(7);
    expect(await page.locator('[data-table=by-day] tbody tr').first().getAttribute('data-key')).toBe(merchantDay(0));
    await screenshot(page, 'kpis');

    // Live: a terminal sells while the page is open and scrolled; the figures change where they are.
    await page.evaluate(() => {
      window.scrollTo(0, 900);
      (document.querySelector('[data-chart=by-day]') as HTMLElement).dataset.marker = 'kept';
    });
    const scrolled = await page.evaluate(() => window.scrollY);
    const terminal = sales.terminals[1];
    const from = terminal.nextSequence;
    terminal.qrSale(Date.now() - 30_000, 'ALIPAY', '1111');
    expect((await postSigned(platform.ingestUrl, terminal.terminalId, secrets[terminal.terminalId], terminal.body(from))).status).toBe(202);
    await page.waitForFunction((before) => document.querySelector('[data-testid=kpi-count]')?.textContent === String(before + 1), count, { timeout: 20_000 });

    expect(await page.evaluate(() => [window.scrollY, (document.querySelector('[data-chart=by-day]') as HTMLElement).dataset.marker])).toEqual([scrolled, 'kept']);
    expect(errors).toEqual([]);
    await close();
  });

  it("speaks the browser's language, and switching changes every label and formats money by the locale", async () => {
    const english = await openPage(browser);
    await signedIn(english.page);
    const chinese = await openPage(browser, { locale: 'zh-CN' });
    await signedIn(chinese.page);
    const gross = await english.page.locator('[data-testid=kpi-gross]').innerText();

    const englishLabels = await labelTexts(english.page);
    const browserChinese = await labelTexts(chinese.page);
    await english.page.selectOption('[data-testid=language]', 'zh-CN');
    await english.page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const switchedLabels = await labelTexts(english.page);

    expect(englishLabels.length).toBeGreaterThan(40);
    expect(switchedLabels).toEqual(browserChinese);
    expect(englishLabels.filter((label, i) => label === switchedLabels[i])).toEqual([]);
    expect(switchedLabels.filter((label) => !/\p{Script=Han}/u.test(label))).toEqual([]);
    expect(gross).toMatch(/^CN¥/);
    const amount = gross.replace(/[^\d.]/g, '');
    expect(await english.page.locator('[data-testid=kpi-gross]').innerText()).toBe(
      await english.page.evaluate((text) => new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(text as Intl.StringNumericLiteral), amount),
    );
    expect(await english.page.locator('[data-table=by-method] tbody th').allInnerTexts()).toEqual(expect.arrayContaining(['微信支付', '支付宝', '借记卡', '信用卡']));
    await screenshot(english.page, 'zh-CN');
    expect([...english.errors, ...chinese.errors]).toEqual([]);
    await english.close();
    await chinese.close();
  });

  it('shows a MISMATCH batch with its badge and the difference per method, and the terminal waiting on a gap', async () => {
    const { page, errors, close } = await openPage(browser);
    await signedIn(page, '?tab=settlements&range=last7');
    const batch = page.locator(`[data-batch="${sales.mismatchTerminal}#1"]`);
    await batch.waitFor();

    expect(await batch.locator('[data-testid=batch-status]').innerText()).toBe('Mismatch');
    expect(await page.locator(`[data-batch="${TERMINALS[0]}#2"] [data-testid=batch-status]`).innerText()).toBe('Matched');
    expect(await batch.locator('[data-table=differences] tbody tr').count()).toBe(1);
    expect(await batch.locator('[data-table=differences] tbody tr th').innerText()).toBe('WeChat Pay');
    expect(await batch.locator('[data-testid=difference]').innerText()).toBe('+1 sale, +CN¥30.00');
    expect(await page.locator('[data-testid=batches-summary]').innerText()).toBe('2 batches closed; one does not reconcile.');
    expect(await page.locator('[data-table=gaps] tbody th').allInnerTexts()).toEqual([sales.gapTerminal]);
    await screenshot(page, 'mismatch');
    expect(errors).toEqual([]);
    await close();
  });

  it("finds the sale a refund is for, and shows its whole history in order, and exports the view from the server", async () => {
    const { page, errors, close } = await openPage(browser);
    await signedIn(page, '?tab=transactions&range=last7');
    await page.fill('[data-testid=find-id]', sales.refundId);
    await page.press('[data-testid=find-id]', 'Enter');
    await page.waitForSelector('[data-testid=history] li');
    const query = 'query($id: ID!) { transaction(id: $id) { events { position type data } } }';
    const sale = await graphql<{ transaction: { events: { position: string; type: string; data: string }[] } }>(platform.graphqlUrl, token, query, { id: sales.refundedSaleId });
    const expected = sale.data!.transaction.events.map((e) => (e.type === 'TerminalEventRecorded' ? (JSON.parse(e.data) as { event: { type: string } }).event.type : e.type));

    const shown = await page.locator('[data-testid=history] li').evaluateAll((items) => items.map((item) => item.getAttribute('data-type')));

    expect(await page.locator('[data-testid=find-message]').innerText()).toBe(`Refund ${sales.refundId} is for sale ${sales.refundedSaleId}.`);
    expect(shown).toEqual(expected);
    expect(shown).toEqual(expect.arrayContaining(['qr.scanned', 'SaleApproved', 'BatchClosed', 'refund.approved', 'RefundApproved']));
    expect(shown.indexOf('SaleApproved')).toBeLessThan(shown.indexOf('BatchClosed'));
    expect(shown.indexOf('BatchClosed')).toBeLessThan(shown.indexOf('RefundApproved'));
    expect(await page.locator('[data-testid=drawer-amount]').innerText()).toBe('CN¥1,234.56');
    expect(await page.locator('[data-table=postings] tbody tr').count()).toBe(4);
    expect(page.url()).toContain(`sale=${sales.refundedSaleId}`);
    await screenshot(page, 'drawer');

    await page.click('[data-testid=drawer] button');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(download.suggestedFilename()).toBe(`transactions-${MERCHANT.id}.csv`);
    expect(csv.split('\n')[0]).toBe('occurred_at,terminal_id,transaction_id,operator_id,status,method,scheme,masked_pan,currency,amount_minor,tip_minor,refunded_minor,offline');
    expect(csv).toContain(`${sales.refundedSaleId},op-1,SETTLED,ALIPAY,NONE,,CNY,123456,0,1000,false`);
    const [workbookDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    expect(workbookDownload.suggestedFilename()).toBe(`transactions-${MERCHANT.id}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await workbookDownload.path());
    const rows = (workbook.getWorksheet('transactions')?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    // The same rows as the CSV, amounts as numbers a spreadsheet adds up.
    expect(rows.map((row) => row.map((cell) => (cell === undefined ? '' : String(cell))).join(','))).toEqual(csv.trim().split('\n'));
    expect(rows.find((row) => row[2] === sales.refundedSaleId)?.slice(9, 12)).toEqual([123456, 0, 1000]);
    expect(errors).toEqual([]);
    await close();
  });

  it('clears every figure when a link with a wrong token is opened, and says why', async () => {
    const { page, errors, close } = await openPage(browser);
    await signedIn(page);

    await page.goto(dashboardUrl('?range=last7', 'plt_not-a-token'));
    await page.waitForSelector('[data-testid=refused]');

    expect(await page.locator('[data-testid=refused]').innerText()).toContain('This token was refused');
    expect(await page.locator('[data-testid^=kpi-], [data-chart], table').count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.getItem('posledger.token'))).toBeNull();
    expect(page.url()).not.toContain('plt_not-a-token');
    await screenshot(page, 'wrong-token');
    expect(errors).toEqual([]);
    await close();
  });

  it('lets an auditor pick the merchant, who then stays named in the address', async () => {
    const { page, errors, close } = await openPage(browser);
    await page.goto(dashboardUrl('', auditor));
    await page.getByRole('button', { name: new RegExp(MERCHANT.name) }).click();
    await page.waitForSelector('[data-testid=kpi-gross]');

    expect(await page.locator('[data-testid=merchant-name]').innerText()).toBe(MERCHANT.name);
    expect(page.url()).toContain(`merchant=${MERCHANT.id}`);
    await screenshot(page, 'auditor');
    expect(errors).toEqual([]);
    await close();
  });

  it("lists the shifts with each one's report, the drawer short by CN¥0.50", async () => {
    const { page, errors, close } = await openPage(browser);
    await signedIn(page, '?tab=shifts');
    const row = page.locator('[data-table=shifts] tbody tr');

    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-status')).toBe('CLOSED');
    expect(await row.locator('td').allInnerTexts()).toEqual([
      'op-2', expect.any(String), expect.any(String), 'Credit card 1 · CN¥77.77; WeChat Pay 2 · CN¥50.00', 'WeChat Pay 1 · CN¥30.00', '–', '–',
      'opening CN¥300.00 · expected CN¥300.00 · counted CN¥299.50', '-CN¥0.50',
    ]);
    await screenshot(page, 'shifts');
    expect(errors).toEqual([]);
    await close();
  });

  it("prints the seeded day's end of day (日结): GraphQL endOfDay's figures, batches and shift, of the merchant and of one terminal", async () => {
    const { page, errors, close } = await openPage(browser);
    const day = merchantDay(0, sales.todayAt);
    await signedIn(page, `?tab=end-of-day&day=${day}`);
    await page.waitForSelector('[data-table=shifts] tbody tr');
    const figures = (bucket: Bucket) => Promise.all([String(bucket.count), ...(['gross', 'tips', 'refunds', 'voids', 'fees', 'offlineDeclined', 'disputes', 'net'] as const).map((figure) => cnyOn(page, bucket[figure].minor))]);
    const table = page.locator('[data-currency=CNY] [data-table=end-of-day]');
    const shown = async () => ({
      total: await table.locator('tfoot td').allInnerTexts(),
      methods: Object.fromEntries(await Promise.all((await table.locator('tbody tr').all()).map(async (row) => [await row.getAttribute('data-key'), await row.locator('td').allInnerTexts()]))),
      batches: await page.locator('[data-batch]').evaluateAll((items) => items.map((item) => [item.getAttribute('data-batch'), item.querySelector('[data-testid=batch-status]')?.textContent])),
    });
    const expected = async (report: EndOfDay) => ({
      total: await figures(report.totals[0]),
      methods: Object.fromEntries(await Promise.all(report.byMethod.map(async (bucket) => [bucket.key, await figures(bucket)]))),
      batches: report.settlements.map((batch) => [`${batch.terminalId}#${batch.batchNumber}`, batch.status === 'MATCHED' ? 'Matched' : 'Mismatch']),
    });
    const merchant = await endOfDay(day);

    expect(merchant.totals.map((bucket) => bucket.key)).toEqual(['CNY']);
    expect(await shown()).toEqual(await expected(merchant));
    expect(merchant.settlements.map((batch) => [batch.terminalId, batch.batchNumber, batch.status])).toEqual([[TERMINALS[0], 2, 'MATCHED'], [TERMINALS[1], 1, 'MISMATCH']]);
    const shift = page.locator('[data-table=shifts] tbody tr');
    expect(await shift.count()).toBe(1);
    expect(await shift.getAttribute('data-shift')).toBe(merchant.shifts[0].shiftId);
    expect(await shift.locator('td').first().innerText()).toBe(merchant.shifts[0].operatorId);
    expect(await shift.locator('td[data-over-short]').innerText()).toBe(await cnyOn(page, merchant.shifts[0].overShort!.minor));
    expect(await page.locator('[data-testid=end-of-day-scope]').innerText()).toMatch(/^All terminals · from .+ to .+$/);

    // Printed: the print button prints, and the paper has the figures without the navigation and the controls.
    await page.evaluate(() => Object.assign(window, { print: () => document.body.setAttribute('data-printed', 'yes') }));
    await page.click('[data-testid=print]');
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
    await page.emulateMedia({ media: 'print' });
    expect(await Promise.all(['.header', '[role=tablist]', '[data-testid=print]', '[data-testid=end-of-day-day]'].map((selector) => page.locator(selector).isVisible()))).toEqual([false, false, false, false]);
    expect(await table.isVisible()).toBe(true);
    await screenshot(page, 'end-of-day-print');
    await page.emulateMedia({ media: 'screen' });

    // One terminal: its own day, named in the address.
    await page.selectOption('[data-testid=end-of-day-terminal]', TERMINALS[1]);
    await page.waitForFunction((terminal) => document.querySelector('[data-testid=end-of-day-scope]')?.textContent?.startsWith(`Terminal ${terminal}`), TERMINALS[1]);
    const terminal = await endOfDay(day, TERMINALS[1]);

    expect(page.url()).toContain(`terminal=${TERMINALS[1]}`);
    expect(await shown()).toEqual(await expected(terminal));
    expect(terminal.settlements.map((batch) => batch.terminalId)).toEqual([TERMINALS[1]]);
    await screenshot(page, 'end-of-day');
    expect(errors).toEqual([]);
    await close();
  });

  it('lists the terminals online, with their open batch and last settlement', async () => {
    const { page, errors, close } = await openPage(browser);
    await signedIn(page, '?tab=terminals');
    const rows = page.locator('[data-table=terminals] tbody tr');

    expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-terminal'), tr.getAttribute('data-online')]))).toEqual(TERMINALS.map((terminal) => [terminal, 'true']));
    expect(await page.locator('[data-table=terminals] tbody').innerText()).toMatch(/Online[\s\S]*Batch \d+ · (Matched|Mismatch)/);
    await screenshot(page, 'terminals');
    expect(errors).toEqual([]);
    await close();
  });

  it('reads at 390 px wide without sideways scrolling, and axe finds nothing serious, on every tab', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await signedIn(page);
    const findings: Record<string, { overflow: number; violations: string[] }> = {};
    for (const tab of ['overview', 'transactions', 'settlements', 'shifts', 'end-of-day', 'balances', 'payouts', 'reconciliation', 'terminals']) {
      await page.click(`#tab-${tab}`);
      await page.waitForSelector(`#panel-${tab} .card`);
      await page.waitForLoadState('networkidle');
      findings[tab] = {
        overflow: await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        violations: await seriousAccessibilityViolations(page),
      };
      await screenshot(page, `390px-${tab}`);
    }

    expect(findings).toEqual(Object.fromEntries(Object.keys(findings).map((tab) => [tab, { overflow: 0, violations: [] }])));
    expect(errors).toEqual([]);
    await close();
  });
});
