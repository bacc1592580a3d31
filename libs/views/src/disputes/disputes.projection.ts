import type { LedgerEvent } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded } from '../view-row';

export type DisputeRow = {
  merchant_id: string;
  terminal_id: string;
  dispute_id: string;
  transaction_id: string;
  status: 'OPEN' | 'EVIDENCE' | 'WON' | 'LOST';
  method: string;
  currency: string;
  amount: string;
  fee: string;
  reason: string;
  evidence: string;
  at: string;
  position: string;
};

/** A dispute's opening, evidence and resolution, each a row; a dispute is their sum (see disputes.query.ts). */
export function disputeRows(event: LedgerEvent, recorded: Recorded): DisputeRow[] {
  if (event.type === 'DisputeEvidenceSubmitted') {
    const { merchantId, terminalId, disputeId, transactionId, evidence, submittedAt } = event.data;
    return [{
      merchant_id: merchantId, terminal_id: terminalId, dispute_id: disputeId, transaction_id: transactionId, status: 'EVIDENCE', method: '', currency: '', amount: '0',
      fee: '0', reason: '', evidence, at: toClickHouseDateTime(submittedAt), position: recorded.position.toString(),
    }];
  }
  if (event.type !== 'DisputeOpened' && event.type !== 'DisputeResolved') return [];
  const d = event.data;
  const base = {
    merchant_id: d.merchantId,
    terminal_id: d.terminalId,
    dispute_id: d.disputeId,
    transaction_id: d.transactionId,
    method: d.method,
    currency: d.amount.currency,
    amount: d.amount.minor,
    position: recorded.position.toString(),
  };
  return event.type === 'DisputeOpened'
    ? [{ ...base, status: 'OPEN', fee: '0', reason: event.data.reason, evidence: '', at: toClickHouseDateTime(event.data.openedAt) }]
    : [{ ...base, status: event.data.outcome, fee: event.data.fee?.minor ?? '0', reason: '', evidence: '', at: toClickHouseDateTime(event.data.resolvedAt) }];
}
