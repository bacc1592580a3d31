import type { LedgerContext } from '@posledger/domain';
import type { RegistryView } from '@posledger/registry';
import { UnknownTerminalError } from './unknown-terminal.error';

/** What the ledger decides with about a terminal's merchant: never taken from what the terminal sends. */
export async function ledgerContextOf(registry: RegistryView, terminalId: string): Promise<LedgerContext> {
  const merchantId = await registry.merchantOf(terminalId);
  const merchant = merchantId === undefined ? undefined : await registry.merchant(merchantId);
  if (!merchant) throw new UnknownTerminalError(terminalId);
  const supervisorAboveMinor = registry.supervisorLimitOf(merchant.merchantId);
  const offlineUpToMinor = registry.offlineLimitOf(merchant.merchantId);
  const preAuthorization = registry.preAuthorizationPolicyOf(merchant.merchantId);
  const refundFees = registry.refundFeePolicyOf(merchant.merchantId);
  return {
    merchantId: merchant.merchantId,
    feeSchedule: merchant.feeSchedule,
    operators: registry.operatorsOf(merchant.merchantId),
    ...(supervisorAboveMinor === undefined ? {} : { supervisorAboveMinor }),
    ...(offlineUpToMinor === undefined ? {} : { offlineUpToMinor }),
    ...(preAuthorization === undefined ? {} : { preAuthorization }),
    ...(refundFees === undefined ? {} : { refundFees }),
  };
}
