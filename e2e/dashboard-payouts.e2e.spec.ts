// The dashboard's Payouts tab (结算到账) in a real browser: a merchant whose sales settled, with a refund, a lost
// chargeback, a payout the bank confirmed and one it returned, and today's statement (日结单); every figure on the tab
// is checked against what GraphQL answers, the statement's download against the SHA-256 recorded at its issue.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchChromium, openPage, screenshot, seriousAccessibilityViolations } from './support/dashboard-browser';
import { eventually, graphql } from './support/graphql-client';
import { cli, cliRun, freePort, startPlatformProcess, stopPlatformProcess, type PlatformEnv, type PlatformProcess } from './support/platform-process';
import { event, postSigned, qrSale, type RawEvent } from './support/terminal-http';

jest.setTimeout(240_000);

const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`Chromium must be installed in CI (looked for ${CHROMIUM}); .ci/run installs Debian's chromium`);
if (!available) console.warn(`dashboard payouts browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
const describeWithBrowser = available ? describe : describe.skip;

const M = 'm-dpo';
const T = 'dpo-1';
const ZONE = 'Asia/Shanghai';
const MONEY = '{ currency minor }';
const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');

interface Money {
  currency: string;
  minor: string;
}

interface Payout {
  id: string;
  status: 'IN_TRANSIT' | 'PAID' | 'FAILED';
  valueDate: string;
  amount: Money;
  settled: Money;
  fees: Money;
  bankReference: string | null;
  failureReason: string | null;
  lines: { eventType: string; reference: string; terminalId: string; settled: Money; fees: Money }[];
  broughtForward: { settled: Money; fees: Money } | null;
}

interface Outgoing {
  balances: ({ currency: string } & Record<'available' | 'held' | 'inTransit' | 'paidOut', Money>)[];
  payouts: Payout[];
  statements: { date: string; version: number; sha256: string; pdfSha256: string }[];
  disputes: { id: string; transactionId: string; status: string; amount: Money; fee: Money; reason: string; resolvedAt: string | null }[];
}

const OUTGOING = `query($from: String!, $to: String!) {
  balances { currency available ${MONEY} held ${MONEY} inTransit ${MONEY} paidOut ${MONEY} }
  payouts(from: $from, to: $to) {
    id status valueDate amount ${MONEY} settled ${MONEY} fees ${MONEY} bankReference failureReason
    lines { eventType reference terminalId settled ${MONEY} fees ${MONEY} } broughtForward { settled ${MONEY} fees ${MONEY} }
  }
  statements(from: $from, to: $to) { date version sha256 pdfSha256 }
  disputes { id transactionId status amount ${MONEY} fee ${MONEY} reason resolvedAt }
}`;

/** The merchant's calendar day `days` from today, as the API takes dates. */
function merchantDay(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const dayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Minor units of CNY as the page writes them in its language (the browser's own number format). */
const cnyOn = (page: Page, minor: bigint | string, locale = 'en'): Promise<string> => {
  const value = BigInt(minor);
  const magnitude = value < 0n ? -value : value;
  const decimal = `${value < 0n ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
  return page.evaluate(([text, language]) => new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY', minimumFractionDigits: 2 }).format(text as Intl.StringNumericLiteral), [decimal, locale]);
};

/** What a payout's lines and the funds it brings forward add up to. */
const linesTotal = (payout: Payout, figure: 'settled' | 'fees'): bigint =>
  [...payout.lines, ...(payout.broughtForward ? [payout.broughtForward] : [])].reduce((sum, part) => sum + BigInt(part[figure].minor), 0n);

describeWithBrowser(`dashboard payouts tab in Chromium${available ? '' : ' (skipped: Chromium not installed)'}`, () => {
  let env: PlatformEnv;
  let platform: PlatformProcess;
  let browser: Browser;
  let token: string;
  let secret: string;
  let sequence = 0;
  /** The value dates of the payouts and today's statement, both ends included. */
  let period: { from: string; to: string };
  const [saleA, saleB, saleC] = [randomUUID(), randomUUID(), randomUUID()];
  const next = (type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent => event(T, ++sequence, type, payload, transactionId);
  const sale = (id: string, amountMinor: string): RawEvent[] => {
    const events = qrSale(T, sequence + 1, amountMinor, id);
    sequence += events.length;
    return events;
  };
  const post = async (events: RawEvent[]) => expect((await postSigned(platform.ingestUrl, T, secret, JSON.stringify({ events }))).status).toBe(202);
  const query = async <R>(document: string, variables: Record<string, unknown> = {}): Promise<R> => {
    const result = await graphql<R>(platform.graphqlUrl, token, document, variables);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };
  const balance = async () => (await query<{ balances: Record<string, { minor: string }>[] }>('{ balances { settled { minor } fees { minor } held { minor } paidOut { minor } } }')).balances[0];
  const run = (...args: string[]) => {
    const result = cliRun(env, [...args]);
    expect(result).toMatchObject({ status: 0 });
    return result.stdout;
  };
  /** GraphQL's answer for the tab's period (`to` exclusive, as the API takes it). */
  const outgoing = () => query<Outgoing>(OUTGOING, { from: period.from, to: dayAfter(period.to) });

  /** The link the platform printed for the dashboard, signed in with the merchant's token and opened at the tab. */
  const signIn = async (page: Page): Promise<void> => {
    const printed = /"dashboardUrl": "([^"]+)"/.exec(platform.output())?.[1];
    if (!printed) throw new Error(`no dashboard link printed: ${platform.output().slice(-2000)}`);
    await page.goto(`${printed}?tab=payouts&range=custom&from=${period.from}&to=${period.to}#token=${token}`);
    await page.waitForSelector('[data-table=payouts] tbody[data-payout]');
  };

  beforeAll(async () => {
    env = { dataDir: mkdtempSync(join(tmpdir(), 'posledger-dash-payouts-')), ingestPort: await freePort(), reportsPort: await freePort() };
    cli(env, ['merchant', 'add', '--id', M, '--name', '茶馆 Payouts', '--timezone', ZONE, '--currency', 'CNY']);
    secret = cli<{ secret: string }>(env, ['terminal', 'add', '--merchant', M, '--id', T]).secret;
    token = cli<{ token: string }>(env, ['token', '--merchant', M]).token;
    [platform, browser] = await Promise.all([startPlatformProcess(env), launchChromium()]);

    // Two QR sales settled in a batch, a refund after it, a chargeback lost with the acquirer's fee.
    await post([
      next('operator.signed_in', { operatorId: 'op-1' }),
      ...sale(saleA, '10000'), ...sale(saleB, '20000'),
      next('settlement.closed', { batchNumber: 1, totals: [{ method: 'WECHAT_PAY', count: 2, amountMinor: '30000', currency: 'CNY' }] }),
      next('refund.approved', { originalTransactionId: saleB, amountMinor: '5000', currency: 'CNY' }, randomUUID()),
    ]);
    await eventually(balance, (b) => b?.settled.minor === '25000', { what: 'the settled batch and the refund' });
    run('dispute', 'open', '--terminal', T, '--id', 'cb-1', '--transaction', saleA, '--amount', '10000', '--reason', 'fraud: card not present');
    run('dispute', 'lost', '--terminal', T, '--id', 'cb-1', '--fee', '1500');
    await eventually(async () => (await query<{ disputes: { status: string }[] }>('{ disputes { status } }')).disputes, (d) => d[0]?.status === 'LOST', { what: 'the lost dispute' });

    // The first payout, confirmed by the bank; another sale and batch, a second payout the bank returns.
    expect(cli<{ payouts: { payoutId: string }[] }>(env, ['payout', 'run', '--merchant', M]).payouts.map((p) => p.payoutId)).toEqual(['PO-000001']);
    run('payout', 'confirm', '--merchant', M, '--id', 'PO-000001', '--bank-reference', 'ICBC-20261203-0001');
    await eventually(balance, (b) => b?.paidOut.minor !== '0', { what: 'the first payout paid' });
    await post([...sale(saleC, '8000'), next('settlement.closed', { batchNumber: 2, totals: [{ method: 'WECHAT_PAY', count: 1, amountMinor: '8000', currency: 'CNY' }] })]);
    await eventually(balance, (b) => b?.settled.minor === '23000', { what: 'the second batch' });
    expect(cli<{ payouts: { payoutId: string }[] }>(env, ['payout', 'run', '--merchant', M]).payouts.map((p) => p.payoutId)).toEqual(['PO-000002']);
    run('payout', 'fail', '--merchant', M, '--id', 'PO-000002', '--reason', 'account closed');

    // Today's statement (the merchant's date), issued once both payouts are in the views.
    const listed = await eventually(
      async () => (await query<{ payouts: Payout[] }>('{ payouts(from: "2000-01-01", to: "2100-01-01") { id status valueDate } }')).payouts,
      (list) => list.map((p) => p.status).join() === 'PAID,FAILED',
      { what: 'the paid and the returned payout' },
    );
    run('statement', 'issue', '--merchant', M, '--date', merchantDay());
    const days = [merchantDay(), ...listed.map((p) => p.valueDate)].sort();
    period = { from: days[0], to: days[days.length - 1] };
    await eventually(outgoing, (o) => o.statements.length === 1, { what: "today's statement" });
  });

  afterAll(async () => {
    await browser?.close();
    if (platform) await stopPlatformProcess(platform);
    if (env) rmSync(env.dataDir, { recursive: true, force: true });
  });

  it("lists the period's payouts, newest first, with GraphQL's statuses, amounts and the bank's reference or reason", async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    const { payouts } = await outgoing();
    const words = { PAID: 'Paid', FAILED: 'Failed', IN_TRANSIT: 'In transit' } as const;

    const shown = await page.locator('[data-table=payouts] tbody[data-payout]').evaluateAll((bodies) =>
      bodies.map((body) => ({
        id: body.getAttribute('data-payout'),
        status: body.getAttribute('data-status'),
        badge: body.querySelector('[data-testid=payout-status]')?.textContent,
        amount: body.querySelector('[data-testid=payout-amount]')?.textContent,
        reference: body.querySelector('[data-testid=payout-reference]')?.textContent,
      })),
    );
    const newestFirst = [...payouts].sort((a, b) => (a.valueDate === b.valueDate ? b.id.localeCompare(a.id) : b.valueDate.localeCompare(a.valueDate)));

    expect(payouts.map((p) => [p.id, p.status])).toEqual([['PO-000001', 'PAID'], ['PO-000002', 'FAILED']]);
    expect(shown).toEqual(
      await Promise.all(
        newestFirst.map(async (p) => ({
          id: p.id,
          status: p.status,
          badge: words[p.status],
          amount: await cnyOn(page, p.amount.minor),
          reference: p.status === 'FAILED' ? `Returned: ${p.failureReason}` : p.bankReference,
        })),
      ),
    );
    expect(page.url()).not.toContain('token');
    expect(errors).toEqual([]);
    await close();
  });

  it("opens a payout to its lines, whose totals with what it brings forward are the payout's settled funds and fees", async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    const { payouts } = await outgoing();

    for (const payout of payouts) {
      const body = page.locator(`tbody[data-payout="${payout.id}"]`);
      const toggle = body.locator('[data-testid=payout-toggle]');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      const lines = body.locator('[data-table=payout-lines]');
      await lines.waitFor();

      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await lines.evaluate((table, id) => table.closest(`#${CSS.escape(id)}`) !== null, (await toggle.getAttribute('aria-controls')) ?? '')).toBe(true);
      expect(await lines.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-line')))).toEqual([
        ...payout.lines.map((line) => line.eventType),
        ...(payout.broughtForward ? ['brought-forward'] : []),
      ]);
      // Each line: its event in words, what it concerns, its terminal, settled and fees as GraphQL gives them.
      const rows = await lines.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (cell) => cell.textContent)));
      for (const [i, line] of payout.lines.entries()) {
        expect(rows[i].slice(2)).toEqual([line.terminalId, await cnyOn(page, line.settled.minor), await cnyOn(page, line.fees.minor)]);
        expect(rows[i][0]).not.toBe(line.eventType);
        expect(rows[i][0]).toMatch(/\p{L} \p{L}/u);
      }
      expect(linesTotal(payout, 'settled')).toBe(BigInt(payout.settled.minor));
      expect(linesTotal(payout, 'fees')).toBe(BigInt(payout.fees.minor));
      expect(await lines.locator('[data-testid=lines-total-settled]').innerText()).toBe(await cnyOn(page, payout.settled.minor));
      expect(await lines.locator('[data-testid=lines-total-fees]').innerText()).toBe(await cnyOn(page, payout.fees.minor));
      expect(await body.locator('[role=alert]').count()).toBe(0);
    }
    // The first payout pays the batch, the refund, and the lost chargeback with its fee.
    const first = payouts.find((p) => p.id === 'PO-000001');
    expect(first?.lines.map((line) => line.eventType)).toEqual(['BatchClosed', 'RefundApproved', 'DisputeOpened', 'DisputeResolved']);
    expect(await page.locator('tbody[data-payout="PO-000001"] [data-line=BatchClosed] th').innerText()).toBe('Batch settled');
    expect(await page.locator('tbody[data-payout="PO-000001"] [data-line=BatchClosed] td').first().innerText()).toBe('Batch 1');
    await screenshot(page, 'payouts-lines');

    await page.locator('tbody[data-payout="PO-000001"] [data-testid=payout-toggle]').click();
    expect(await page.locator('tbody[data-payout="PO-000001"] [data-table=payout-lines]').count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });

  it("offers today's statement (日结单) with its SHA-256, and its CSV and PDF download as issued", async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    const { statements } = await outgoing();
    const [statement] = statements;
    const row = page.locator(`[data-statement="${statement.date}#${statement.version}"]`);

    expect(statements.map((s) => [s.date, s.version])).toEqual([[merchantDay(), 1]]);
    expect(await row.locator('[data-testid=statement-sha256]').getAttribute('title')).toBe(statement.sha256);
    expect(await row.locator('[data-testid=statement-sha256]').innerText()).toBe(`${statement.sha256.slice(0, 8)}…${statement.sha256.slice(-4)}`);

    const [csv] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid=statement-csv]').click()]);
    expect(csv.suggestedFilename()).toBe(`statement-${M}-${statement.date}-v${statement.version}.csv`);
    expect(sha256(readFileSync(await csv.path()))).toBe(statement.sha256);
    const [pdf] = await Promise.all([page.waitForEvent('download'), row.locator('[data-testid=statement-pdf]').click()]);
    expect(pdf.suggestedFilename()).toBe(`statement-${M}-${statement.date}-v${statement.version}.pdf`);
    expect(sha256(readFileSync(await pdf.path()))).toBe(statement.pdfSha256);
    expect(errors).toEqual([]);
    await close();
  });

  it('lists the lost chargeback with its fee, and the balances strip as GraphQL gives the balances', async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    const { disputes, balances } = await outgoing();
    const row = page.locator('[data-table=disputes] tr[data-dispute="cb-1"]');

    expect(disputes.map((d) => [d.id, d.status, d.transactionId])).toEqual([['cb-1', 'LOST', saleA]]);
    expect(await row.getAttribute('data-status')).toBe(disputes[0].status);
    expect(await row.locator('[data-testid=dispute-status]').innerText()).toBe('Lost');
    expect(await row.locator('[data-testid=dispute-fee]').innerText()).toBe(await cnyOn(page, disputes[0].fee.minor));
    expect(await row.locator('[data-testid=dispute-amount]').innerText()).toBe(await cnyOn(page, disputes[0].amount.minor));
    expect(await row.innerText()).toContain(disputes[0].reason);
    expect(disputes[0].fee.minor).not.toBe('0');

    const keys = ['available', 'held', 'inTransit', 'paidOut'] as const;
    expect(balances.map((b) => b.currency)).toEqual(['CNY']);
    const strip = page.locator('[data-section=balances] [data-currency=CNY]');
    const shown = Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await strip.locator(`[data-testid=balance-${key}]`).innerText()])));
    expect(shown).toEqual(Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await cnyOn(page, balances[0][key].minor)]))));
    expect(balances[0].paidOut.minor).not.toBe('0');

    // The dispute's sale opens in the drawer.
    await row.locator('button').click();
    await page.waitForSelector('[data-testid=drawer]');
    expect(page.url()).toContain(`sale=${saleA}`);
    expect(errors).toEqual([]);
    await close();
  });

  it("exports the period's payouts from the toolbar, as CSV and as Excel", async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    const direct = await fetch(`${platform.graphqlUrl.replace('/graphql', '')}/v1/exports/payouts?from=${period.from}&to=${dayAfter(period.to)}&format=csv`, { headers: { authorization: `Bearer ${token}` } });

    expect(csv.suggestedFilename()).toBe(`payouts-${M}.csv`);
    expect(direct.status).toBe(200);
    const file = readFileSync(await csv.path(), 'utf8');
    expect(file).toBe(await direct.text());
    expect(file).toContain('PO-000001');
    expect(file).toContain('PO-000002');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-xlsx]')]);
    expect(xlsx.suggestedFilename()).toBe(`payouts-${M}.xlsx`);
    expect(errors).toEqual([]);
    await close();
  });

  it('reads at 390 px wide without sideways scrolling, a payout opened, and axe finds nothing serious', async () => {
    const { page, errors, close } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    await signIn(page);
    await page.locator('tbody[data-payout="PO-000001"] [data-testid=payout-toggle]').click();
    await page.waitForSelector('[data-table=payout-lines]');
    await page.waitForLoadState('networkidle');

    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, '390px-payouts-open');
    expect(errors).toEqual([]);
    await close();
  });

  it('speaks Chinese: the tab is 结算到账, a confirmed payout 已到账', async () => {
    const { page, errors, close } = await openPage(browser);
    await signIn(page);
    await page.selectOption('[data-testid=language]', 'zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const { payouts } = await outgoing();
    const paid = payouts.find((p) => p.status === 'PAID');

    expect(await page.locator('#tab-payouts').innerText()).toBe('结算到账');
    expect(await page.locator(`tbody[data-payout="${paid?.id}"] [data-testid=payout-status]`).innerText()).toBe('已到账');
    expect(await page.locator('tbody[data-payout="PO-000002"] [data-testid=payout-status]').innerText()).toBe('已退回');
    expect(await page.locator(`tbody[data-payout="${paid?.id}"] [data-testid=payout-amount]`).innerText()).toBe(await cnyOn(page, paid?.amount.minor ?? '0', 'zh-CN'));
    expect(await page.locator('[data-table=disputes] [data-testid=dispute-status]').innerText()).toBe('败诉');
    await screenshot(page, 'payouts-zh-CN');
    expect(errors).toEqual([]);
    await close();
  });
});
