import type { LedgerEvent, MoneyJson } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded } from '../view-row';

export type SalesFactKind = 'SALE' | 'VOID' | 'REFUND' | 'FEE' | 'FEE_RETURN' | 'TIP' | 'VOID_TIP' | 'OFFLINE_DECLINED' | 'DISPUTE_LOST' | 'DISPUTE_FEE';

export type SalesFactRow = {
  merchant_id: string;
  terminal_id: string;
  transaction_id: string;
  kind: SalesFactKind;
  method: string;
  scheme: string;
  currency: string;
  amount: string;
  sale_count: number;
  occurred_at: string;
  recorded_at: string;
  position: string;
  entry: number;
};

interface Fact {
  transactionId: string;
  kind: SalesFactKind;
  method: string;
  scheme: string;
  amount: MoneyJson;
  saleCount: number;
  occurredAt: string;
}

function factsOf(event: LedgerEvent): Fact[] {
  switch (event.type) {
    case 'SaleApproved': {
      const d = event.data;
      const sale: Fact = { transactionId: d.transactionId, kind: 'SALE', method: d.method, scheme: d.scheme, amount: d.amount, saleCount: 1, occurredAt: d.occurredAt };
      return d.tip === undefined ? [sale] : [sale, { ...sale, kind: 'TIP', amount: d.tip, saleCount: 0 }];
    }
    case 'TipAdjusted': {
      const d = event.data;
      return [{ transactionId: d.transactionId, kind: 'TIP', method: d.method, scheme: d.scheme, amount: d.tip, saleCount: 0, occurredAt: d.saleOccurredAt }];
    }
    case 'SaleVoided': {
      const d = event.data;
      const voided: Fact = { transactionId: d.transactionId, kind: 'VOID', method: d.method, scheme: d.scheme, amount: d.amount, saleCount: -1, occurredAt: d.saleOccurredAt };
      return d.tip === undefined ? [voided] : [voided, { ...voided, kind: 'VOID_TIP', amount: d.tip, saleCount: 0 }];
    }
    case 'RefundApproved': {
      const d = event.data;
      const refund: Fact = { transactionId: d.originalTransactionId, kind: 'REFUND', method: d.method, scheme: d.scheme, amount: d.amount, saleCount: 0, occurredAt: d.occurredAt };
      return d.feeReturned === undefined ? [refund] : [refund, { ...refund, kind: 'FEE_RETURN', amount: d.feeReturned }];
    }
    case 'OfflineSaleDeclined': {
      const d = event.data;
      // -1 takes the sale out of its terminal's open batch; once settled it had left it. Sales summaries leave this count out.
      return [{ transactionId: d.transactionId, kind: 'OFFLINE_DECLINED', method: d.method, scheme: d.scheme, amount: d.amount, saleCount: d.settled ? 0 : -1, occurredAt: d.occurredAt }];
    }
    case 'DisputeResolved': {
      const d = event.data;
      if (d.outcome !== 'LOST') return [];
      const lost: Fact = { transactionId: d.transactionId, kind: 'DISPUTE_LOST', method: d.method, scheme: d.scheme, amount: d.amount, saleCount: 0, occurredAt: d.resolvedAt };
      return d.fee === undefined ? [lost] : [lost, { ...lost, kind: 'DISPUTE_FEE', amount: d.fee }];
    }
    case 'BatchClosed':
      return event.data.sales.map((sale) => ({ transactionId: sale.transactionId, kind: 'FEE', method: sale.method, scheme: sale.scheme, amount: sale.fee, saleCount: 0, occurredAt: sale.occurredAt }));
    default:
      return [];
  }
}

/**
 * Sales movements: SALE (+1 sale), VOID (-1 sale, the voided amount), TIP and VOID_TIP (a sale's tip, and the tip
 * a void gave back), FEE (charged at settlement) at the sale's time and dimensions; REFUND, FEE_RETURN (the part of the
 * fee a refund gave back, under the merchant's RETURNED policy) and OFFLINE_DECLINED (what
 * an offline sale the host declined still stood for: the merchant's loss), DISPUTE_LOST and DISPUTE_FEE (a lost
 * chargeback's amount, and the acquirer's fee for it, which summaries count in fees) at their own time with the sale's dimensions.
 */
export function salesFactRows(event: LedgerEvent, recorded: Recorded): SalesFactRow[] {
  return factsOf(event).map((fact, entry) => ({
    merchant_id: event.data.merchantId,
    terminal_id: event.data.terminalId,
    transaction_id: fact.transactionId,
    kind: fact.kind,
    method: fact.method,
    scheme: fact.scheme,
    currency: fact.amount.currency,
    amount: fact.amount.minor,
    sale_count: fact.saleCount,
    occurred_at: toClickHouseDateTime(fact.occurredAt),
    recorded_at: toClickHouseDateTime(recorded.recordedAt),
    position: recorded.position.toString(),
    entry,
  }));
}
