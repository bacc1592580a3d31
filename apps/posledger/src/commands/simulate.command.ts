import { randomBytes } from 'node:crypto';
import type { PlatformConfig } from '@posledger/platform-config';
import { RegistryView } from '@posledger/ledger';
import { UsageError } from '../cli/cli-error';
import { log, printJson } from '../cli/output';
import { openProvisioningStores } from '../platform/open-stores';
import { addMerchant, addTerminal } from '../platform/provisioning';
import { runSimulation, type SimulatedTerminal } from '../simulator';

const SIMULATOR_MERCHANT = { merchantId: 'sim-merchant', name: 'Simulated merchant', timeZone: 'Asia/Shanghai', currency: 'CNY' };

function positive(options: Record<string, string | boolean | undefined>, name: string, fallback: number): number {
  const raw = options[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value <= 0) throw new UsageError(`--${name} must be a positive integer`);
  return value;
}

/** Provisions fresh terminals (under --merchant, or a simulator merchant) and plays the seed flows through the public API. */
export async function simulateCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  const terminalCount = positive(options, 'terminals', 4);
  const durationSeconds = positive(options, 'duration', 10);
  const merchantId = typeof options.merchant === 'string' ? options.merchant : SIMULATOR_MERCHANT.merchantId;
  const ingestUrl = typeof options['ingest-url'] === 'string' ? options['ingest-url'] : `http://${config.host}:${config.ingestPort}`;

  const terminals: SimulatedTerminal[] = [];
  const stores = await openProvisioningStores(config);
  try {
    const registry = new RegistryView(stores.eventStore);
    let merchant = await registry.merchant(merchantId);
    if (!merchant && merchantId === SIMULATOR_MERCHANT.merchantId) {
      await addMerchant(stores, SIMULATOR_MERCHANT);
      merchant = await registry.merchant(merchantId);
    }
    if (!merchant) throw new UsageError(`no merchant ${merchantId}: add it first`);
    const run = randomBytes(3).toString('hex');
    for (let i = 1; i <= terminalCount; i++) {
      const { terminalId, secret } = await addTerminal(stores, merchantId, `sim-${run}-${i}`);
      terminals.push({ terminalId, merchantId, secret, currency: merchant.currency });
    }
  } finally {
    await stores.close();
  }

  log(`simulating ${terminalCount} terminals of ${merchantId} for ${durationSeconds}s against ${ingestUrl}`);
  const report = await runSimulation({
    ingestUrl,
    terminals,
    durationSeconds,
    eventsPerSecond: typeof options.rate === 'string' ? positive(options, 'rate', 1) : undefined,
    seed: typeof options.seed === 'string' ? positive(options, 'seed', 1) : undefined,
    onProgress: (p) => log(`  ${p.eventsSent} events accepted, ${p.duplicates} duplicates, ${p.failures} failures, ${Math.round(p.elapsedMs / 1000)}s`),
  });
  printJson(report);
  if (report.failures.length > 0) process.exitCode = 2;
}
