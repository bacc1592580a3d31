// Chromium for the dashboard suite: Debian's, driven by playwright-core; every page watched for console errors
// (a CSP refusal is one) and saved as a screenshot under artifacts/.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions so far: a working dashboard has none. */
  readonly errors: string[];
  close(): Promise<void>;
}

export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `dashboard-${name}.png`), fullPage: true });
}

/** axe-core's serious and critical violations of the page as it is, one line each. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated by the driver, not as a page script: the dashboard's CSP rightly refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  });
}

/** The label texts of the page (headings, column headers, captions, buttons, tabs, form labels, notes). */
export function labelTexts(page: Page): Promise<string[]> {
  return page.$$eval('h2, h3, th[scope=col], caption, button, [role=tab], label > span, summary, .kpi-note, dt, legend', (elements) =>
    elements.map((element) => (element.textContent ?? '').trim()).filter((text) => /\p{L}/u.test(text)),
  );
}

/** The dashboard link `posledger start --demo` prints (what `npm start` shows), once it has printed it. */
export async function printedDashboardLink(output: () => string): Promise<string> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const link = /"dashboard": "([^"]+)"/.exec(output())?.[1];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no dashboard link printed: ${output().slice(-2000)}`);
}
