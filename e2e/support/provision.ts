// Provisioning many terminals in-process (one CLI process per terminal would take minutes), before the platform
// starts on the same data dir; the stores are closed again before it does.
import type { SimulatedTerminal } from '@posledger/terminal-simulator';
import { openProvisioningStores } from '@posledger/platform';
import { addMerchant, addTerminal, type MerchantInput } from '@posledger/platform';
import { loadPlatformConfig } from '@posledger/platform-config';

export interface Provisioned {
  readonly terminals: SimulatedTerminal[];
  readonly auditorToken: string;
}

export const TEST_MERCHANTS: readonly MerchantInput[] = [
  { merchantId: 'm-shanghai', name: '上海便利店', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  { merchantId: 'm-london', name: 'London café', timeZone: 'Europe/London', currency: 'GBP', feeSchedule: { DEBIT: 40, CREDIT: 150, WECHAT_PAY: 60, ALIPAY: 60 } },
];

/** The merchants, and `terminalCount` terminals dealt round-robin over them. */
export async function provision(dataDir: string, terminalCount: number, merchants: readonly MerchantInput[] = TEST_MERCHANTS): Promise<Provisioned> {
  const stores = await openProvisioningStores(loadPlatformConfig({}, dataDir));
  try {
    for (const merchant of merchants) await addMerchant(stores, merchant);
    const terminals: SimulatedTerminal[] = [];
    for (let k = 0; k < terminalCount; k++) {
      const merchant = merchants[k % merchants.length];
      const { terminalId, secret } = await addTerminal(stores, merchant.merchantId, `${merchant.merchantId}-t${k + 1}`);
      terminals.push({ terminalId, merchantId: merchant.merchantId, secret, currency: merchant.currency });
    }
    return { terminals, auditorToken: await stores.credentials.issueToken({ role: 'auditor', subject: 'kafka-e2e' }) };
  } finally {
    await stores.close();
  }
}
