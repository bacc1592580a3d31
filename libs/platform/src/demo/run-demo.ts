import { randomBytes } from 'node:crypto';
import type { PlatformConfig } from '@posledger/platform-config';
import { log, printJson } from '../output';
import { openProvisioningStores } from '../platform/open-stores';
import { addOperator } from '../platform/operators';
import { addMerchant, addTerminal, setOfflineLimit } from '../platform/provisioning';
import { runSimulation, type SimulatedTerminal } from '@posledger/terminal-simulator';
import { compareWithReports } from './compare-with-reports';
import { TerminalFigures } from './terminal-figures';
import { demoCashier, DEMO_MERCHANTS, DEMO_RATES, DEMO_PROGRESS_EVERY_MS, DEMO_TERMINALS_PER_MERCHANT, demoOfflineLimitMinor, demoRound } from './demo-merchants';

const COMPARE_FOR_MS = 10_000;

export interface RunningDemo {
  stop(): Promise<void>;
}

/**
 * `npm start`'s demo traffic: provisions the demo merchants (once) and fresh terminals (each start, so that no
 * terminal has to resume a sequence), prints a merchant token, then streams rounds of seed flows through the
 * public ingest API, each ending with a settlement, and after each round checks the GraphQL figures against the
 * simulator's own books.
 */
export interface DemoTarget {
  readonly ingestUrl: string;
  readonly reportsUrl: string;
  projectionsCaughtUp(): Promise<void>;
}

export function runDemo(config: PlatformConfig, platform: DemoTarget, startedAt: number): RunningDemo {
  let stopped = false;
  const done = (async () => {
    const { terminals, tokens } = await provisionDemo(config);
    printJson({ demo: { merchantTokens: tokens, dashboard: `${platform.reportsUrl}/#token=${tokens[DEMO_MERCHANTS[0].merchantId]}` } });
    let current = terminals;
    const books = new TerminalFigures();
    for (let round = 1; !stopped; round++) {
      let loggedAt = Date.now();
      const { seconds, eventsPerSecond, startAt } = demoRound(round, Date.now());
      const report = await runSimulation({
        ingestUrl: platform.ingestUrl,
        terminals: current,
        durationSeconds: seconds,
        eventsPerSecond,
        ...(startAt === undefined ? {} : { startAt }),
        rates: DEMO_RATES,
        settleAtEnd: true,
        onProgress: (p) => {
          if (Date.now() - loggedAt < DEMO_PROGRESS_EVERY_MS) return;
          loggedAt = Date.now();
          log(`demo round ${round}: ${p.eventsSent} events accepted (${Math.round((p.eventsSent * 1000) / Math.max(p.elapsedMs, 1))}/s), ${p.failures} failures`);
        },
      });
      books.add(report);
      current = current.map((t) => ({ ...t, firstSequence: report.terminals[t.terminalId].nextSequence, firstBatchNumber: report.terminals[t.terminalId].nextBatchNumber }));
      if (stopped) break;
      const comparison = await compareOnceCaughtUp(platform, tokens, books);
      log(`demo round ${round}: ${report.eventsSent} events at ${report.eventsPerSecond}/s; ${comparison}; ${Math.round((Date.now() - startedAt) / 100) / 10}s since start`);
    }
  })().catch((error: Error) => log(`demo stopped: ${error.message}`));
  return {
    async stop() {
      stopped = true;
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 2000))]);
    },
  };
}

/**
 * The ledger runs on a thread of its own, so the last events of a round may reach the event store after the
 * projections caught up with it: a difference is asked again, for up to COMPARE_FOR_MS, before it is reported.
 */
async function compareOnceCaughtUp(platform: DemoTarget, tokens: Record<string, string>, books: TerminalFigures): Promise<string> {
  const until = Date.now() + COMPARE_FOR_MS;
  for (;;) {
    await platform.projectionsCaughtUp();
    const comparison = await compareWithReports(platform.reportsUrl, tokens, books);
    if (comparison.matched || Date.now() > until) return comparison.text;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function provisionDemo(config: PlatformConfig): Promise<{ terminals: SimulatedTerminal[]; tokens: Record<string, string> }> {
  const stores = await openProvisioningStores(config);
  try {
    const registry = stores.registry.view;
    const run = randomBytes(2).toString('hex');
    const terminals: SimulatedTerminal[] = [];
    const tokens: Record<string, string> = {};
    for (const merchant of DEMO_MERCHANTS) {
      if (!(await registry.merchant(merchant.merchantId))) await addMerchant(stores, merchant);
      const offlineUpToMinor = demoOfflineLimitMinor(merchant.currency);
      if (registry.offlineLimitOf(merchant.merchantId) !== offlineUpToMinor.toString()) {
        await setOfflineLimit(stores, merchant.merchantId, offlineUpToMinor.toString());
      }
      for (let k = 1; k <= DEMO_TERMINALS_PER_MERCHANT; k++) {
        const cashier = demoCashier(merchant.merchantId, k);
        if (registry.operatorsOf(merchant.merchantId)[cashier.operatorId] === undefined) {
          await addOperator(stores, { merchantId: merchant.merchantId, ...cashier, role: 'CASHIER' });
        }
        const { terminalId, secret } = await addTerminal(stores, merchant.merchantId, `${merchant.merchantId}-${run}-${k}`);
        terminals.push({ terminalId, merchantId: merchant.merchantId, secret, currency: merchant.currency, offlineUpToMinor, operatorId: cashier.operatorId });
      }
      tokens[merchant.merchantId] = await stores.credentials.issueToken({ role: 'merchant', merchantId: merchant.merchantId });
    }
    return { terminals, tokens };
  } finally {
    await stores.close();
  }
}
