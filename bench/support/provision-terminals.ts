import type { PlatformConfig } from '@posledger/platform-config';
import { openProvisioningStores } from '@posledger/platform';
import { addMerchant, addTerminal } from '@posledger/platform';
import type { BenchTerminal } from './terminal-traffic';

/** Registers the terminals' merchants and the terminals through the provisioning commands; returns each secret. */
export async function provisionTerminals(config: PlatformConfig, terminals: readonly BenchTerminal[], timeZone: string): Promise<Map<string, string>> {
  const stores = await openProvisioningStores(config);
  try {
    const secrets = new Map<string, string>();
    for (const merchantId of new Set(terminals.map((terminal) => terminal.merchantId))) {
      const currency = terminals.find((terminal) => terminal.merchantId === merchantId)?.currency ?? 'EUR';
      await addMerchant(stores, { merchantId, name: `bench ${merchantId}`, timeZone, currency });
    }
    for (const terminal of terminals) {
      const { secret } = await addTerminal(stores, terminal.merchantId, terminal.terminalId);
      secrets.set(terminal.terminalId, secret);
    }
    return secrets;
  } finally {
    await stores.close();
  }
}
