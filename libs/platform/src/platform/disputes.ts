import { openLedgerCommands, OpenDisputeCommand, ResolveDisputeCommand } from '@posledger/ledger';
import type { DisputeOutcome, MoneyJson } from '@posledger/domain';
import type { ProvisioningStores } from './open-stores';

/** Runs one dispute command through the terminal ledgers' command handlers, over the platform's stores. */
async function executeOnLedger(stores: ProvisioningStores, command: OpenDisputeCommand | ResolveDisputeCommand): Promise<void> {
  await stores.registry.view.refresh();
  const ledger = await openLedgerCommands({ eventStore: stores.eventStore, registry: stores.registry.view });
  try {
    await ledger.execute(command);
  } finally {
    await ledger.close();
  }
}

/** Opens a chargeback on a settled sale of the terminal: the amount is held from the merchant's funds. */
export function openDispute(
  stores: ProvisioningStores,
  terminalId: string,
  dispute: { disputeId: string; transactionId: string; amount: MoneyJson; reason: string },
): Promise<void> {
  return executeOnLedger(stores, new OpenDisputeCommand(terminalId, dispute));
}

/** Records the acquirer's decision: WON gives the amount back, LOST sends it to the cardholder with `fee`. */
export function resolveDispute(stores: ProvisioningStores, terminalId: string, resolution: { disputeId: string; outcome: DisputeOutcome; fee?: MoneyJson }): Promise<void> {
  return executeOnLedger(stores, new ResolveDisputeCommand(terminalId, resolution));
}
