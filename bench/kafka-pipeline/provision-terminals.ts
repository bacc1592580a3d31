// Provisions the bench's merchants and terminals in-process, before the platform starts on the same data dir.
import { loadPlatformConfig } from '@posledger/platform-config';
import { openProvisioningStores } from '@posledger/platform';
import { addMerchant, addTerminal } from '@posledger/platform';
import type { BenchTerminal } from './bench-traffic';

const MERCHANTS = [
  { merchantId: 'bench-shanghai', name: 'Bench Shanghai', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  { merchantId: 'bench-london', name: 'Bench London', timeZone: 'Europe/London', currency: 'GBP' },
] as const;

export async function provisionTerminals(dataDir: string, count: number): Promise<BenchTerminal[]> {
  const stores = await openProvisioningStores(loadPlatformConfig({}, dataDir));
  try {
    for (const merchant of MERCHANTS) await addMerchant(stores, merchant);
    const terminals: BenchTerminal[] = [];
    for (let k = 0; k < count; k++) {
      const { merchantId, currency } = MERCHANTS[k % MERCHANTS.length];
      const { terminalId, secret } = await addTerminal(stores, merchantId, `${merchantId}-${k + 1}`);
      terminals.push({ terminalId, merchantId, secret, currency });
    }
    return terminals;
  } finally {
    await stores.close();
  }
}
