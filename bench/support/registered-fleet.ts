import { DEFAULT_FEE_SCHEDULE } from '@posledger/domain';
import type { EventStore } from '@posledger/event-store';
import { openRegistry, ProvisionTerminalCommand, RegisterMerchantCommand } from '@posledger/registry';
import type { BenchTerminal } from './terminal-traffic';

/** Registers the terminals' merchants (in the order they first appear, each in its terminals' currency), then provisions the terminals. */
export async function registerFleet(store: EventStore, terminals: readonly BenchTerminal[], timeZone: string): Promise<void> {
  const registry = await openRegistry(store);
  const merchants = new Map(terminals.map((t) => [t.merchantId, t.currency]));
  for (const [merchantId, currency] of merchants) {
    await registry.execute(new RegisterMerchantCommand({ merchantId, name: `bench ${merchantId}`, timeZone, currency, feeSchedule: DEFAULT_FEE_SCHEDULE }));
  }
  for (const { terminalId, merchantId } of terminals) {
    await registry.execute(new ProvisionTerminalCommand({ terminalId, merchantId, secretFingerprint: 'bench' }));
  }
  await registry.close();
}
