import type { MerchantProfile, RegistryView } from '@posledger/registry';
import { UnknownTerminalError } from './unknown-terminal.error';

/** The merchant a terminal was provisioned to: never taken from what the terminal sends. */
export async function merchantOfTerminal(registry: RegistryView, terminalId: string): Promise<MerchantProfile> {
  const merchantId = await registry.merchantOf(terminalId);
  const merchant = merchantId === undefined ? undefined : await registry.merchant(merchantId);
  if (!merchant) throw new UnknownTerminalError(terminalId);
  return merchant;
}
