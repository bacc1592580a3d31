import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import type { ReadStore } from '@posledger/read-store';
import { queryReconciliation, type ExportRow, type Reconciliation } from '@posledger/views';
import type { FastifyReply } from 'fastify';
import { choiceParameter, requiredParameter, singleParameter, type ExportQuery } from '../exports/export-parameters';
import { ExportResponder } from '../exports/export-responder';
import type { ExportTable } from '../exports/export-table';
import { READ_STORE } from '../reports.tokens';
import { BILL_DATE_FORM, billDate, billDays } from './bill-date';

type Part = 'discrepancies' | 'three-way';

const DISCREPANCY_COLUMNS = [
  'date', 'discrepancy_id', 'source', 'kind', 'trade_kind', 'reference', 'line_number', 'terminal_id', 'transaction_id', 'currency',
  'bill_amount_minor', 'ledger_amount_minor', 'bill_fee_minor', 'ledger_fee_minor', 'status', 'decision_note', 'decided_by', 'decided_at', 'found_at', 'file_sha256',
];
const THREE_WAY_COLUMNS = ['date', 'source', 'scope', 'terminal_id', 'batch_number', 'currency', 'terminal_count', 'terminal_minor', 'ledger_count', 'ledger_minor', 'bill_count', 'bill_minor', 'status'];

/** The day asked for, or the days from `from` (inclusive) to `to` (exclusive). */
function daysOf(query: ExportQuery): string[] {
  const date = singleParameter(query, 'date');
  if (date !== undefined) return [billDate('date', date)];
  return billDays(requiredParameter(query, 'from', `${BILL_DATE_FORM} (or give date=)`), requiredParameter(query, 'to', BILL_DATE_FORM));
}

/**
 * GET /v1/exports/reconciliation?date= or ?from=&to= (bill days; to exclusive), part=discrepancies|three-way
 * (merchantId= for auditors; format=csv|jsonl|xlsx): each day's reconciliation as GraphQL's `reconciliation` answers
 * it, one row per discrepancy or per three-way line, by day.
 */
@Controller('v1/exports')
export class ReconciliationExportHttpController {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    private readonly exports: ExportResponder,
  ) {}

  @Get('reconciliation')
  reconciliation(@Headers('authorization') authorization: string | undefined, @Query() query: ExportQuery, @Res() reply: FastifyReply): Promise<void> {
    return this.exports.respondTable({ authorization, query, reply }, 'reconciliation', async (merchantId): Promise<ExportTable> => {
      const days = daysOf(query);
      const part: Part = choiceParameter<Part>(query, 'part', ['discrepancies', 'three-way']) ?? 'discrepancies';
      const reconciled: Reconciliation[] = [];
      for (const date of days) reconciled.push(await queryReconciliation(this.store, merchantId, date));
      if (part === 'three-way') {
        return {
          columns: THREE_WAY_COLUMNS,
          rows: reconciled.flatMap(({ date, threeWay }) => threeWay.map((line): ExportRow => ({
            date, source: line.source, scope: line.scope, terminal_id: line.terminalId, batch_number: line.batchNumber, currency: line.currency,
            terminal_count: line.terminalCount, terminal_minor: line.terminalMinor, ledger_count: line.ledgerCount, ledger_minor: line.ledgerMinor,
            bill_count: line.billCount, bill_minor: line.billMinor, status: line.status,
          }))),
        };
      }
      return {
        columns: DISCREPANCY_COLUMNS,
        rows: reconciled.flatMap(({ date, discrepancies }) => discrepancies.map((found): ExportRow => ({
          date, discrepancy_id: found.id, source: found.source, kind: found.kind, trade_kind: found.tradeKind, reference: found.reference,
          line_number: found.lineNumber ?? '', terminal_id: found.terminalId ?? '', transaction_id: found.transactionId ?? '',
          currency: (found.billAmount ?? found.ledgerAmount)?.currency ?? '', bill_amount_minor: found.billAmount?.minor ?? '', ledger_amount_minor: found.ledgerAmount?.minor ?? '',
          bill_fee_minor: found.billFee?.minor ?? '', ledger_fee_minor: found.ledgerFee?.minor ?? '', status: found.status, decision_note: found.decision?.note ?? '',
          decided_by: found.decision?.decidedBy ?? '', decided_at: found.decision?.decidedAt ?? '', found_at: found.foundAt, file_sha256: found.sha256,
        }))),
      };
    });
  }
}
