// The read model: one folder per view with its table, its projection from the domain's typed events and its queries.
export { VIEW_MIGRATIONS, VIEW_PROJECTIONS } from './view-set';
export { ledgerEventOf, payoutEventOf, registryEventOf, statementEventOf } from './view-row';
export type { Recorded, ViewRow } from './view-row';
export { queryBalances, type Balance } from './postings/balances.query';
export { exportLedger, type ExportFormat } from './postings/ledger-export.query';
export { exportRows, type ExportRow } from './exports/export-rows';
export { unbalancedPostings, type UnbalancedPostings } from './postings/unbalanced-postings.query';
export { querySalesSummary, type SalesBucket, type SalesGrouping, type SalesSummaryInput } from './sales-facts/sales-summary.query';
export {
  querySettlementBatches, type SettlementBatch, type SettlementDifference, type SettlementTotal,
} from './settlement-batches/settlement-batches.query';
export {
  queryTerminalSequences, terminalsHoldingParkedEvents, type SkippedSequenceGap, type TerminalSequence,
} from './terminal-sequences/terminal-sequences.query';
export {
  queryTransaction, queryTransactionEvents, queryTransactions,
  type Transaction, type TransactionCursor, type TransactionEvent, type TransactionFilter, type TransactionPage, type TransactionScope,
} from './transaction-changes/transactions.query';
export { queryTransactionPostings, type TransactionPosting } from './postings/transaction-postings.query';
export { queryRefund, type Refund } from './ledger-events/refund.query';
export { queryTerminals, type TerminalStatus } from './terminal-activity/terminals.query';
export { queryShifts, type Shift } from './shifts/shifts.query';
export { queryDisputes, type Dispute } from './disputes/disputes.query';
export { queryPayouts, type Payout, type PayoutLineItem } from './payouts/payouts.query';
export { queryStatementFiles, queryStatements, type Statement, type StatementFiles } from './statements/statements.query';
export { queryReconciliation, type BillFile, type Reconciliation, type ReconciliationDiscrepancy, type ThreeWayMatch, type DiscrepancyStatus } from './reconciliation/reconciliation.query';
export type { MethodTotal } from './method-totals';
