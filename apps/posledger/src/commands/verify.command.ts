import type { PlatformConfig } from '@posledger/platform-config';
import { verifyIntegrity } from '@posledger/event-store';
import { openProvisioningStores } from '@posledger/platform';

/** Exit code when the check found a problem (1 stays "the command failed"). */
const PROBLEM_FOUND = 3;

/** Walks every stream's hash chain and the anchors; safe while the platform runs (LMDB is multi-process). */
export async function verifyCommand(config: PlatformConfig): Promise<void> {
  const stores = await openProvisioningStores(config);
  try {
    const report = await verifyIntegrity(stores.eventStore);
    process.stdout.write(`${JSON.stringify(report, (_, value: unknown) => (typeof value === 'bigint' ? String(value) : value), 2)}\n`);
    if (!report.ok) process.exitCode = PROBLEM_FOUND;
  } finally {
    await stores.close();
  }
}
