import type { LedgerEvent, MoneyJson } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded } from '../view-row';

export type TransactionStatus = 'HELD' | 'RELEASED' | 'APPROVED' | 'DECLINED' | 'REVERSED' | 'VOIDED' | 'SETTLED' | 'OFFLINE_DECLINED';

const EPOCH = '1970-01-01T00:00:00.000Z';

export type TransactionChangeRow = {
  merchant_id: string;
  terminal_id: string;
  transaction_id: string;
  /** '' for a refund or a tip adjustment, which change the sale's refunded or tip sum and not its status. */
  status: TransactionStatus | '';
  method: string;
  scheme: string;
  currency: string;
  amount: string;
  refunded: string;
  tip: string;
  /** 1 on the approval of a sale approved offline, -1 when the host answers it: a sale awaits the host while its sum is 1. */
  offline: number;
  /** When a HELD pre-authorisation expires (on its HELD row; the epoch elsewhere). */
  hold_expires_at: string;
  masked_pan: string;
  operator_id: string;
  occurred_at: string;
  position: string;
  entry: number;
};

interface Change {
  transactionId: string;
  status: TransactionStatus | '';
  method: string;
  scheme: string;
  amount: MoneyJson;
  refunded: string;
  tip?: string;
  offline?: number;
  holdExpiresAt?: string;
  maskedPan?: string;
  operatorId?: string;
  occurredAt: string;
}

function changesOf(event: LedgerEvent): Change[] {
  switch (event.type) {
    case 'SaleApproved': {
      const d = event.data;
      return [{
        transactionId: d.transactionId, status: 'APPROVED', method: d.method, scheme: d.scheme, amount: d.amount, refunded: '0', tip: d.tip?.minor,
        offline: d.offline ? 1 : 0, maskedPan: d.maskedPan, operatorId: d.operatorId, occurredAt: d.occurredAt,
      }];
    }
    case 'OfflineSaleConfirmed': {
      const d = event.data;
      return [{ transactionId: d.transactionId, status: '', method: '', scheme: '', amount: { currency: '', minor: '0' }, refunded: '0', offline: -1, occurredAt: d.occurredAt }];
    }
    case 'OfflineSaleDeclined': {
      // The amount is the loss (the sale's is on its APPROVED row).
      const d = event.data;
      return [{ transactionId: d.transactionId, status: 'OFFLINE_DECLINED', method: d.method, scheme: d.scheme, amount: d.amount, refunded: '0', offline: -1, occurredAt: d.saleOccurredAt }];
    }
    case 'PreAuthorizationApproved': {
      const d = event.data;
      return [{
        transactionId: d.transactionId, status: 'HELD', method: d.method, scheme: d.scheme, amount: d.amount, refunded: '0', holdExpiresAt: d.expiresAt,
        maskedPan: d.maskedPan, operatorId: d.operatorId, occurredAt: d.occurredAt,
      }];
    }
    case 'PreAuthorizationReleased': {
      const d = event.data;
      return [{ transactionId: d.transactionId, status: 'RELEASED', method: d.method, scheme: d.scheme, amount: d.amount, refunded: '0', occurredAt: d.heldAt }];
    }
    case 'TipAdjusted': {
      const d = event.data;
      return [{ transactionId: d.transactionId, status: '', method: d.method, scheme: d.scheme, amount: { currency: d.tip.currency, minor: '0' }, refunded: '0', tip: d.tip.minor, occurredAt: d.occurredAt }];
    }
    case 'SaleDeclined':
    case 'AuthorizationReversed': {
      const d = event.data;
      const status = event.type === 'SaleDeclined' ? 'DECLINED' : 'REVERSED';
      return [{ transactionId: d.transactionId, status, method: d.method, scheme: d.scheme, amount: d.amount, refunded: '0', occurredAt: d.occurredAt }];
    }
    case 'SaleVoided': {
      const d = event.data;
      return [{ transactionId: d.transactionId, status: 'VOIDED', method: d.method, scheme: d.scheme, amount: d.amount, refunded: '0', occurredAt: d.saleOccurredAt }];
    }
    case 'RefundApproved': {
      const d = event.data;
      return [{ transactionId: d.originalTransactionId, status: '', method: d.method, scheme: d.scheme, amount: { currency: d.amount.currency, minor: '0' }, refunded: d.amount.minor, occurredAt: d.occurredAt }];
    }
    case 'BatchClosed':
      return event.data.sales.map((sale) => ({ transactionId: sale.transactionId, status: 'SETTLED', method: sale.method, scheme: sale.scheme, amount: sale.amount, refunded: '0', occurredAt: sale.occurredAt }));
    default:
      return [];
  }
}

/**
 * Status changes of sales and holds; a transaction's current status is its latest change, its amount that of its latest
 * APPROVED, DECLINED, REVERSED or HELD row (a completion sells another amount than was held), its refunds, tip and
 * offline mark their sums.
 */
export function transactionChangeRows(event: LedgerEvent, recorded: Recorded): TransactionChangeRow[] {
  return changesOf(event).map((change, entry) => ({
    merchant_id: event.data.merchantId,
    terminal_id: event.data.terminalId,
    transaction_id: change.transactionId,
    status: change.status,
    method: change.method,
    scheme: change.scheme,
    currency: change.amount.currency,
    amount: change.amount.minor,
    refunded: change.refunded,
    tip: change.tip ?? '0',
    offline: change.offline ?? 0,
    hold_expires_at: toClickHouseDateTime(change.holdExpiresAt ?? EPOCH),
    masked_pan: change.maskedPan ?? '',
    operator_id: change.operatorId ?? '',
    occurred_at: toClickHouseDateTime(change.occurredAt),
    position: recorded.position.toString(),
    entry,
  }));
}
