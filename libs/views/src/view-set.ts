import type { Migration } from '@posledger/read-store';
import { disputeRows } from './disputes/disputes.projection';
import { disputesTable } from './disputes/disputes.table';
import { ledgerEventRows } from './ledger-events/ledger-events.projection';
import { ledgerEventsTable } from './ledger-events/ledger-events.table';
import { merchantRows } from './merchants/merchants.projection';
import { merchantsTable } from './merchants/merchants.table';
import { payoutRows } from './payouts/payouts.projection';
import { payoutsTable } from './payouts/payouts.table';
import { payoutPostingRows, postingRows } from './postings/postings.projection';
import { postingsTable } from './postings/postings.table';
import { salesFactRows } from './sales-facts/sales-facts.projection';
import { salesFactsQuarterHourTotals, salesFactsTable } from './sales-facts/sales-facts.table';
import { shiftRows } from './shifts/shifts.projection';
import { shiftsTable, shiftTipsColumn } from './shifts/shifts.table';
import { settlementBatchRows } from './settlement-batches/settlement-batches.projection';
import { settlementBatchesTable } from './settlement-batches/settlement-batches.table';
import { billDiscrepancyRows, billFileRows, billThreeWayRows } from './reconciliation/reconciliation.projection';
import { reconciliationTables } from './reconciliation/reconciliation.table';
import { statementRows } from './statements/statements.projection';
import { statementsTable } from './statements/statements.table';
import { terminalSequenceRows } from './terminal-sequences/terminal-sequences.projection';
import { terminalSequencesTable } from './terminal-sequences/terminal-sequences.table';
import { provisionedTerminalRows, terminalActivityKey, terminalActivityRows } from './terminal-activity/terminal-activity.projection';
import { terminalActivityTable, terminalOperatorColumn } from './terminal-activity/terminal-activity.table';
import { transactionChangeRows } from './transaction-changes/transaction-changes.projection';
import { transactionChangesTable, transactionHoldExpiryColumn, transactionOfflineColumn, transactionOperatorColumn, transactionTipColumn } from './transaction-changes/transaction-changes.table';
import { viewProjection, type ViewProjection } from './view-projection';

/** Every table of the read model, in migration order. */
export const VIEW_MIGRATIONS: readonly Migration[] = [
  postingsTable,
  settlementBatchesTable,
  merchantsTable,
  salesFactsTable,
  transactionChangesTable,
  ledgerEventsTable,
  terminalSequencesTable,
  terminalActivityTable,
  transactionOperatorColumn,
  terminalOperatorColumn,
  shiftsTable,
  transactionTipColumn,
  transactionOfflineColumn,
  transactionHoldExpiryColumn,
  disputesTable,
  shiftTipsColumn,
  payoutsTable,
  statementsTable,
  reconciliationTables,
  salesFactsQuarterHourTotals,
];

/**
 * The projections that fill them, each with its own checkpoint (the names are those checkpoints: never rename one).
 * Every row function depends only on its event, so that projecting an event again gives the same rows.
 */
export const VIEW_PROJECTIONS: readonly ViewProjection[] = [
  viewProjection('balances', [
    { table: 'postings', fromLedger: postingRows },
    { table: 'postings', fromPayouts: payoutPostingRows },
  ]),
  viewProjection('settlements', [{ table: 'settlement_batches', fromLedger: settlementBatchRows }]),
  viewProjection('reports', [
    { table: 'sales_facts', fromLedger: salesFactRows },
    { table: 'transaction_changes', fromLedger: transactionChangeRows },
    { table: 'ledger_events', fromLedger: ledgerEventRows },
    { table: 'merchants', fromRegistry: merchantRows },
    { table: 'terminal_sequences', fromLedger: terminalSequenceRows },
    { table: 'shifts', fromLedger: shiftRows },
  ]),
  viewProjection('disputes', [{ table: 'disputes', fromLedger: disputeRows }]),
  viewProjection(
    'terminals',
    [
      { table: 'terminal_activity', fromLedger: terminalActivityRows },
      { table: 'terminal_activity', fromRegistry: provisionedTerminalRows },
    ],
    { terminal_activity: terminalActivityKey },
  ),
  viewProjection('payouts', [{ table: 'payouts', fromPayouts: payoutRows }]),
  viewProjection('statements', [{ table: 'statements', fromStatements: statementRows }]),
  viewProjection('reconciliation', [
    { table: 'bill_files', fromBills: billFileRows },
    { table: 'bill_discrepancies', fromBills: billDiscrepancyRows },
    { table: 'bill_three_way', fromBills: billThreeWayRows },
  ]),
];
