import { DEFAULT_FEE_SCHEDULE, terminalProvisioningOf, type FeeSchedule, type PreAuthorizationPolicy, type RefundFeePolicy } from '@posledger/domain';
import { ProvisionTerminalCommand, RegisterMerchantCommand, SetOfflineLimitCommand, SetPreAuthorizationPolicyCommand, SetRefundFeePolicyCommand } from '@posledger/registry';
import type { ProvisioningStores } from './open-stores';

export interface MerchantInput {
  readonly merchantId: string;
  readonly name: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly feeSchedule?: FeeSchedule;
}

export async function addMerchant(stores: ProvisioningStores, input: MerchantInput): Promise<void> {
  await stores.registry.execute(new RegisterMerchantCommand({ ...input, feeSchedule: input.feeSchedule ?? DEFAULT_FEE_SCHEDULE }));
}

/** Provisions a terminal with a fresh random secret; the secret is returned once and kept only in credentials. */
export async function addTerminal(stores: ProvisioningStores, merchantId: string, terminalId: string): Promise<{ terminalId: string; secret: string }> {
  const { registry } = stores;
  await registry.view.refresh();
  if (terminalProvisioningOf(registry.view.current, terminalId)) {
    // Refused before a secret is issued, so an existing terminal's secret is never replaced.
    await registry.execute(new ProvisionTerminalCommand({ terminalId, merchantId, secretFingerprint: '' }));
  }
  const { secret, fingerprint } = await stores.credentials.issueTerminalSecret(terminalId);
  await registry.execute(new ProvisionTerminalCommand({ terminalId, merchantId, secretFingerprint: fingerprint }));
  return { terminalId, secret };
}

/** The merchant's terminals may approve card sales offline up to `upToMinor` (tip included); null: never. */
export async function setOfflineLimit(stores: ProvisioningStores, merchantId: string, upToMinor: string | null): Promise<void> {
  await stores.registry.execute(new SetOfflineLimitCommand(merchantId, upToMinor));
}

/** How far the merchant's completions may exceed their holds, and after how many days a hold expires. */
export async function setPreAuthorizationPolicy(stores: ProvisioningStores, merchantId: string, policy: PreAuthorizationPolicy): Promise<void> {
  await stores.registry.execute(new SetPreAuthorizationPolicyCommand(merchantId, policy));
}

/** What the merchant's refunds do with their sales' fees: KEPT by the acquirer, or RETURNED in proportion. */
export async function setRefundFeePolicy(stores: ProvisioningStores, merchantId: string, policy: RefundFeePolicy): Promise<void> {
  await stores.registry.execute(new SetRefundFeePolicyCommand(merchantId, policy));
}
