import { capturedAmount } from '../ledger/captured-amount';
import { LedgerEvent, TotalsLine } from '../ledger/ledger-events';
import { PaymentMethod } from '../terminal-events/terminal-event';
import { MoneyJson } from '../values/money';
import { BillLineKind } from './bill';

/** A sale or refund as the ledger knows it, in the terms an outside bill states it. */
export interface LedgerTrade {
  readonly kind: BillLineKind;
  readonly terminalId: string;
  /** The sale's transaction id, or the refund's refund id. */
  readonly transactionId: string;
  /** The sale's (a refund's original sale) transaction id. */
  readonly saleTransactionId: string;
  readonly method: PaymentMethod;
  /** The wallet's transaction id for a QR sale, the host's reference for a card sale; '' while an offline sale awaits the host. */
  readonly walletReference: string;
  readonly hostReference: string;
  /** What the sale captured (tip included), or what the refund gave back. */
  readonly amount: MoneyJson;
  /** The fee charged (a sale, once its batch closed) or given back, negative (a refund). */
  readonly fee?: MoneyJson;
  readonly occurredAt: string;
  readonly batchNumber?: number;
}

/** A closed batch: what the terminal counted and what the ledger settled. */
export interface LedgerBatch {
  readonly terminalId: string;
  readonly batchNumber: number;
  readonly closedAt: string;
  readonly terminalTotals: readonly TotalsLine[];
  readonly ledgerTotals: readonly TotalsLine[];
}

const keyOf = (terminalId: string, transactionId: string) => `${terminalId}/${transactionId}`;

/**
 * The merchant's trades an outside bill should list, from its ledger events in order: approved sales of a settled
 * method, not voided and not declined after an offline approval, with tips added and fees set at their batch's close;
 * and refunds. Cash never reaches a bill.
 */
export function ledgerTradesOf(events: readonly LedgerEvent[]): { trades: LedgerTrade[]; batches: LedgerBatch[] } {
  const sales = new Map<string, LedgerTrade>();
  const refunds: LedgerTrade[] = [];
  const batches: LedgerBatch[] = [];
  const update = (terminalId: string, transactionId: string, change: (sale: LedgerTrade) => Partial<LedgerTrade>) => {
    const key = keyOf(terminalId, transactionId);
    const sale = sales.get(key);
    if (sale) sales.set(key, { ...sale, ...change(sale) });
  };
  for (const event of events) {
    const { terminalId } = event.data;
    switch (event.type) {
      case 'SaleApproved': {
        const d = event.data;
        if (d.method === 'CASH') break;
        sales.set(keyOf(terminalId, d.transactionId), {
          kind: 'SALE', terminalId, transactionId: d.transactionId, saleTransactionId: d.transactionId, method: d.method,
          walletReference: d.walletReference ?? '', hostReference: d.hostReference ?? '', amount: capturedAmount(d), occurredAt: d.occurredAt,
        });
        break;
      }
      case 'OfflineSaleConfirmed':
        update(terminalId, event.data.transactionId, () => ({ hostReference: event.data.hostReference }));
        break;
      case 'TipAdjusted':
        update(terminalId, event.data.transactionId, (sale) => ({ amount: capturedAmount({ amount: sale.amount, tip: event.data.tip }) }));
        break;
      case 'SaleVoided':
      case 'OfflineSaleDeclined':
        sales.delete(keyOf(terminalId, event.data.transactionId));
        break;
      case 'BatchClosed': {
        const { batchNumber, closedAt, terminalTotals, ledgerTotals } = event.data;
        batches.push({ terminalId, batchNumber, closedAt, terminalTotals, ledgerTotals });
        for (const settled of event.data.sales) update(terminalId, settled.transactionId, () => ({ fee: settled.fee, batchNumber }));
        break;
      }
      case 'RefundApproved': {
        const d = event.data;
        if (d.method === 'CASH') break;
        const sale = sales.get(keyOf(terminalId, d.originalTransactionId));
        refunds.push({
          kind: 'REFUND', terminalId, transactionId: d.refundId, saleTransactionId: d.originalTransactionId, method: d.method,
          walletReference: sale?.walletReference ?? '', hostReference: sale?.hostReference ?? '', amount: d.amount,
          fee: { currency: d.amount.currency, minor: (-BigInt(d.feeReturned?.minor ?? '0')).toString() }, occurredAt: d.occurredAt,
        });
        break;
      }
      default:
        break;
    }
  }
  return { trades: [...sales.values(), ...refunds], batches };
}
