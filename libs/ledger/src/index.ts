export { startLedger } from './start-ledger';
export type { RunningLedger } from './start-ledger';
export type { LedgerDependencies } from './ledger.module';
export { ledgerEventId } from './terminal-ledger/ledger-event-id';
export { openLedgerCommands } from './open-ledger-commands';
export type { LedgerCommands } from './open-ledger-commands';
export { OpenDisputeCommand, ResolveDisputeCommand, SubmitDisputeEvidenceCommand } from './terminal-ledger/commands/disputes/dispute.commands';
export { ConfirmPayoutCommand, FailPayoutCommand, RunPayoutsCommand } from './payouts/payouts.commands';
export { PayoutMovementsReader } from './payouts/payout-movements.reader';
