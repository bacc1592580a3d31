import type { LedgerEvent } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded } from '../view-row';

export type ShiftRow = {
  merchant_id: string;
  terminal_id: string;
  shift_id: string;
  operator_id: string;
  status: 'OPEN' | 'CLOSED';
  opened_at: string;
  /** An OPEN row repeats opened_at. */
  closed_at: string;
  currency: string;
  opening_cash: string;
  expected_cash: string;
  counted_cash: string;
  over_short: string;
  /** JSON arrays of `{ method, currency, count, minor }`. */
  sales: string;
  voids: string;
  refunds: string;
  tips: string;
  position: string;
};

/** A shift's row at its opening, and its report at its close (built whole, and only for those two events). */
export function shiftRows(event: LedgerEvent, recorded: Recorded): ShiftRow[] {
  if (event.type === 'ShiftOpened') {
    const d = event.data;
    return [{
      merchant_id: d.merchantId, terminal_id: d.terminalId, shift_id: d.shiftId, operator_id: d.operatorId, status: 'OPEN',
      opened_at: toClickHouseDateTime(d.occurredAt), closed_at: toClickHouseDateTime(d.occurredAt),
      currency: d.openingCash.currency, opening_cash: d.openingCash.minor, expected_cash: d.openingCash.minor, counted_cash: '0', over_short: '0',
      sales: '[]', voids: '[]', refunds: '[]', tips: '[]', position: recorded.position.toString(),
    }];
  }
  if (event.type !== 'ShiftClosed') return [];
  const d = event.data;
  return [{
    merchant_id: d.merchantId, terminal_id: d.terminalId, shift_id: d.shiftId, operator_id: d.operatorId, status: 'CLOSED',
    opened_at: toClickHouseDateTime(d.openedAt), closed_at: toClickHouseDateTime(d.occurredAt),
    currency: d.openingCash.currency, opening_cash: d.openingCash.minor, expected_cash: d.expectedCash.minor, counted_cash: d.countedCash.minor, over_short: d.overShort.minor,
    sales: JSON.stringify(d.sales), voids: JSON.stringify(d.voids), refunds: JSON.stringify(d.refunds), tips: JSON.stringify(d.tips ?? []),
    position: recorded.position.toString(),
  }];
}
