import type { BillEvent } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded } from '../view-row';

/** A bill imported (IMPORTED) or reconciled (RECONCILED), as one row. */
export function billFileRows(event: BillEvent, recorded: Recorded) {
  const position = recorded.position.toString();
  if (event.type === 'BillImported') {
    const { merchantId, source, date, sha256, fileName, importedBy, importedAt, lines } = event.data;
    return [{
      merchant_id: merchantId, source, date, sha256, row_kind: 'IMPORTED', file_name: fileName, imported_by: importedBy,
      line_count: lines.length, matched: 0, discrepancy_count: 0, through_position: '', at: toClickHouseDateTime(importedAt), position,
    }];
  }
  if (event.type === 'BillReconciled') {
    const { merchantId, source, date, sha256, matched, discrepancies, throughPosition, reconciledAt } = event.data;
    return [{
      merchant_id: merchantId, source, date, sha256, row_kind: 'RECONCILED', file_name: '', imported_by: '',
      line_count: 0, matched, discrepancy_count: discrepancies.length, through_position: throughPosition, at: toClickHouseDateTime(reconciledAt), position,
    }];
  }
  return [];
}

/** Each discrepancy a reconciliation found (FOUND), and each decision on one (DECISION). */
export function billDiscrepancyRows(event: BillEvent, recorded: Recorded) {
  const position = recorded.position.toString();
  if (event.type === 'DiscrepancyResolved') {
    const { merchantId, discrepancyId, decision, note, decidedBy, decidedAt } = event.data;
    return [{
      merchant_id: merchantId, discrepancy_id: discrepancyId, row_kind: 'DECISION', source: '', date: '', sha256: '', kind: '', trade_kind: '', reference: '', line_number: 0,
      terminal_id: '', transaction_id: '', currency: '', bill_amount: '', ledger_amount: '', bill_fee: '', ledger_fee: '', decision, note, decided_by: decidedBy,
      at: toClickHouseDateTime(decidedAt), position,
    }];
  }
  if (event.type !== 'BillReconciled') return [];
  const { merchantId, source, date, sha256, reconciledAt } = event.data;
  return event.data.discrepancies.map((found) => ({
    merchant_id: merchantId, discrepancy_id: found.discrepancyId, row_kind: 'FOUND', source, date, sha256, kind: found.kind, trade_kind: found.tradeKind,
    reference: found.reference, line_number: found.lineNumber ?? 0, terminal_id: found.terminalId ?? '', transaction_id: found.transactionId ?? '',
    currency: (found.billAmount ?? found.ledgerAmount)?.currency ?? '', bill_amount: found.billAmount?.minor ?? '', ledger_amount: found.ledgerAmount?.minor ?? '',
    bill_fee: found.billFee?.minor ?? '', ledger_fee: found.ledgerFee?.minor ?? '', decision: '', note: '', decided_by: '', at: toClickHouseDateTime(reconciledAt), position,
  }));
}

/** A reconciliation's three-way match, a row per batch and currency and per day and currency. */
export function billThreeWayRows(event: BillEvent, recorded: Recorded) {
  if (event.type !== 'BillReconciled') return [];
  const { merchantId, source, date, sha256 } = event.data;
  return event.data.threeWay.map((line) => ({
    merchant_id: merchantId, source, date, sha256, scope: line.scope, terminal_id: line.terminalId, batch_number: line.batchNumber, currency: line.currency,
    terminal_count: line.terminalCount, terminal_minor: line.terminalMinor, ledger_count: line.ledgerCount, ledger_minor: line.ledgerMinor,
    bill_count: line.billCount, bill_minor: line.billMinor, status: line.status, position: recorded.position.toString(),
  }));
}
