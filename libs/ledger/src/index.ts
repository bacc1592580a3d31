export { startLedger } from './start-ledger';
export type { RunningLedger } from './start-ledger';
export type { LedgerDependencies } from './ledger.module';
export { ledgerEventId } from './terminal-ledger/ledger-event-id';
