import type { PayoutEvent, PayoutStatus } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded } from '../view-row';

export type PayoutRow = {
  merchant_id: string;
  payout_id: string;
  status: PayoutStatus;
  currency: string;
  amount: string;
  settled: string;
  fees: string;
  value_date: string;
  cutoff_at: string;
  lines: string;
  bank_reference: string;
  reason: string;
  at: string;
  position: string;
};

const EPOCH = toClickHouseDateTime('1970-01-01T00:00:00.000Z');

/** A payout's scheduling, payment and failure, each a row; a payout is their sum (see payouts.query.ts). A cut-off is none. */
export function payoutRows(event: PayoutEvent, recorded: Recorded): PayoutRow[] {
  if (event.type === 'PayoutsCutOff') return [];
  const { merchantId, payoutId, amount } = event.data;
  const base = {
    merchant_id: merchantId,
    payout_id: payoutId,
    currency: amount.currency,
    amount: amount.minor,
    settled: '0',
    fees: '0',
    value_date: '',
    cutoff_at: EPOCH,
    lines: '',
    bank_reference: '',
    reason: '',
    position: recorded.position.toString(),
  };
  switch (event.type) {
    case 'PayoutScheduled': {
      const { settled, fees, valueDate, cutoffAt, lines, broughtForward } = event.data;
      const cutoff = toClickHouseDateTime(cutoffAt);
      return [{
        ...base, status: 'IN_TRANSIT', settled: settled.minor, fees: fees.minor, value_date: valueDate, cutoff_at: cutoff, lines: JSON.stringify({ lines, broughtForward }), at: cutoff,
      }];
    }
    case 'PayoutPaid':
      return [{ ...base, status: 'PAID', bank_reference: event.data.bankReference, at: toClickHouseDateTime(event.data.paidAt) }];
    case 'PayoutFailed':
      return [{ ...base, status: 'FAILED', settled: event.data.settled.minor, fees: event.data.fees.minor, reason: event.data.reason, at: toClickHouseDateTime(event.data.failedAt) }];
  }
}
