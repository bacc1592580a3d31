import { DEFAULT_FEE_SCHEDULE, type FeeSchedule } from '@posledger/domain';
import { RegistryService } from '@posledger/registry';
import type { ProvisioningStores } from './open-stores';

export interface MerchantInput {
  readonly merchantId: string;
  readonly name: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly feeSchedule?: FeeSchedule;
}

export async function addMerchant(stores: ProvisioningStores, input: MerchantInput): Promise<void> {
  await new RegistryService(stores.eventStore).execute({
    type: 'RegisterMerchant',
    data: { ...input, feeSchedule: input.feeSchedule ?? DEFAULT_FEE_SCHEDULE },
  });
}

/** Provisions a terminal with a fresh random secret; the secret is returned once and kept only in credentials. */
export async function addTerminal(stores: ProvisioningStores, merchantId: string, terminalId: string): Promise<{ terminalId: string; secret: string }> {
  const registry = new RegistryService(stores.eventStore);
  await registry.view.refresh();
  if (registry.view.current.terminals[terminalId]) {
    // Refused before a secret is issued, so an existing terminal's secret is never replaced.
    await registry.execute({ type: 'ProvisionTerminal', data: { terminalId, merchantId, secretFingerprint: '' } });
  }
  const { secret, fingerprint } = await stores.credentials.issueTerminalSecret(terminalId);
  await registry.execute({ type: 'ProvisionTerminal', data: { terminalId, merchantId, secretFingerprint: fingerprint } });
  return { terminalId, secret };
}
