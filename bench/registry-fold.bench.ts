// The registry as the fleet grows: opening it (every process and thread of the platform folds the registry stream at
// start, and the view folds each new event after) with 1,000 to 50,000 terminals of 10 per merchant, over a real LMDB
// store; beside it in the same run, the same events set one by one into a mutable Map, the floor for any fold.
import { join } from 'node:path';
import { DEFAULT_FEE_SCHEDULE, REGISTRY_STREAM, type RegistryEvent } from '@posledger/domain';
import { createLmdbEventStore } from '@posledger/event-store';
import { openRegistry } from '@posledger/registry';
import { chunk } from './support/chunk';
import { runBench, withTempDir } from './support/temp-dir';

const FLEETS = [1_000, 10_000, 50_000];
const TERMINALS_PER_MERCHANT = 10;

function registryEvents(terminals: number): RegistryEvent[] {
  const merchants = Array.from({ length: terminals / TERMINALS_PER_MERCHANT }, (_, m): RegistryEvent => ({
    type: 'MerchantRegistered', data: { merchantId: `m-${m}`, name: `merchant ${m}`, timeZone: 'Asia/Shanghai', currency: 'CNY', feeSchedule: DEFAULT_FEE_SCHEDULE },
  }));
  const provisioned = Array.from({ length: terminals }, (_, t): RegistryEvent => ({
    type: 'TerminalProvisioned', data: { terminalId: `t-${t}`, merchantId: `m-${t % merchants.length}`, secretFingerprint: `fingerprint ${t}` },
  }));
  return [...merchants, ...provisioned];
}

async function main(): Promise<void> {
  for (const terminals of FLEETS) {
    const events = registryEvents(terminals);
    await withTempDir('posledger-bench-registry-', async (dir) => {
      const store = await createLmdbEventStore({ path: join(dir, 'events') });
      try {
        for (const page of chunk(events, 1_000)) await store.appendToStream(REGISTRY_STREAM, page.map((event) => ({ id: crypto.randomUUID(), type: event.type, data: event.data })), 'any');
        const opened = performance.now();
        const registry = await openRegistry(store);
        const openMs = performance.now() - opened;
        const known = await registry.view.merchantOf(`t-${terminals - 1}`);
        await registry.close();
        const mapped = performance.now();
        const recorded = await store.readStream(REGISTRY_STREAM);
        const floor = new Map<string, unknown>();
        for (const { data } of recorded) floor.set(String(data.terminalId ?? data.merchantId), data);
        const floorMs = performance.now() - mapped;
        console.log(
          `${terminals.toLocaleString('en-US')} terminals of ${(terminals / TERMINALS_PER_MERCHANT).toLocaleString('en-US')} merchants: the registry opened in ${openMs.toFixed(0)} ms ` +
            `(its last terminal's merchant ${known}); the same ${recorded.length.toLocaleString('en-US')} events read and set into a Map: ${floorMs.toFixed(1)} ms`,
        );
      } finally {
        await store.close();
      }
    });
  }
}

runBench(main);
