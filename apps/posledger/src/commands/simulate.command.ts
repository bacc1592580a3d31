import { randomBytes } from 'node:crypto';
import type { PlatformConfig } from '@posledger/platform-config';
import { UsageError } from '../cli/cli-error';
import { addMerchant, addTerminal, log, openProvisioningStores, printJson } from '@posledger/platform';
import { positiveOption, runSimulation, SimulatorOptionError, type SimulatedTerminal } from '@posledger/terminal-simulator';

const SIMULATOR_MERCHANT = { merchantId: 'sim-merchant', name: 'Simulated merchant', timeZone: 'Asia/Shanghai', currency: 'CNY' };

function positive(options: Record<string, string | boolean | undefined>, name: string): number | undefined {
  try {
    return positiveOption(options, name);
  } catch (error) {
    throw error instanceof SimulatorOptionError ? new UsageError(error.message) : error;
  }
}

/** Provisions fresh terminals (under --merchant, or a simulator merchant) and plays the seed flows through the public API. */
export async function simulateCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  const terminalCount = positive(options, 'terminals') ?? 4;
  const durationSeconds = positive(options, 'duration') ?? 10;
  const merchantId = typeof options.merchant === 'string' ? options.merchant : SIMULATOR_MERCHANT.merchantId;
  const ingestUrl = typeof options['ingest-url'] === 'string' ? options['ingest-url'] : `http://${config.host}:${config.ingestPort}`;

  const terminals: SimulatedTerminal[] = [];
  const stores = await openProvisioningStores(config);
  try {
    const registry = stores.registry.view;
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
    eventsPerSecond: positive(options, 'rate'),
    seed: positive(options, 'seed'),
    onProgress: (p) => log(`  ${p.eventsSent} events accepted, ${p.duplicates} duplicates, ${p.failures} failures, ${Math.round(p.elapsedMs / 1000)}s`),
  });
  printJson(report);
  if (report.failures.length > 0) process.exitCode = 2;
}
