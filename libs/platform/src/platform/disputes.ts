import { OpenDisputeCommand, ResolveDisputeCommand, SubmitDisputeEvidenceCommand } from '@posledger/ledger';
import type { DisputeOutcome, MoneyJson } from '@posledger/domain';
import { executeOnLedger } from './execute-on-ledger';
import type { ProvisioningStores } from './open-stores';

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

/** The merchant's evidence against an open dispute, sent to the acquirer once. */
export function submitDisputeEvidence(stores: ProvisioningStores, terminalId: string, submission: { disputeId: string; evidence: string }): Promise<void> {
  return executeOnLedger(stores, new SubmitDisputeEvidenceCommand(terminalId, submission));
}
