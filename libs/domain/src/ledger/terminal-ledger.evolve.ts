import { getKeyed, setKeyed } from './keyed-record';
import { LedgerEvent, SaleDetails } from './ledger-events';
import { SaleState, TerminalLedgerState } from './terminal-ledger.state';

function withoutKey<V>(record: Readonly<Record<string, V>>, key: string): Readonly<Record<string, V>> {
  if (!(key in record)) return record;
  const { [key]: _removed, ...rest } = record;
  return rest;
}

function markSeen(state: TerminalLedgerState, eventId: string): TerminalLedgerState {
  return { ...state, seenEventIds: setKeyed(state.seenEventIds, eventId, true) };
}

function updateSale(state: TerminalLedgerState, transactionId: string, change: (sale: SaleState) => SaleState): TerminalLedgerState {
  const sale = getKeyed(state.sales, transactionId);
  return sale === undefined ? state : { ...state, sales: setKeyed(state.sales, transactionId, change(sale)) };
}

function newSale(transactionId: string): SaleState {
  return { transactionId, status: 'OPEN', refundedMinor: '0', signatureCaptured: false, receipts: [] };
}

function withDetails(sale: SaleState, details: SaleDetails): SaleState {
  switch (details.step) {
    case 'CARD':
      return { ...sale, card: { entryMode: details.entryMode, maskedPan: details.maskedPan, scheme: details.scheme } };
    case 'QR':
      return { ...sale, walletReference: details.walletReference };
    case 'PIN':
      return { ...sale, pinResult: details.result };
    case 'METHOD':
      return { ...sale, method: details.method };
    case 'AMOUNT':
      return { ...sale, amount: details.amount };
    default: {
      const unknown: never = details;
      throw new Error(`unknown sale step ${JSON.stringify(unknown)}`);
    }
  }
}

/** Applies one ledger event to the terminal's state. Pure: the state passed in is never changed. */
export function evolve(state: TerminalLedgerState, event: LedgerEvent): TerminalLedgerState {
  switch (event.type) {
    case 'TerminalEventRecorded': {
      const seen = markSeen(state, event.data.event.eventId);
      return {
        ...seen,
        nextSequence: Math.max(state.nextSequence, event.data.event.sequence + 1),
        parked: withoutKey(state.parked, String(event.data.event.sequence)),
      };
    }
    case 'TerminalEventParked': {
      const seen = markSeen(state, event.data.eventId);
      const parkedEvent = { event: event.data.event, panMasked: event.data.panMasked };
      return { ...seen, parked: { ...state.parked, [String(event.data.sequence)]: parkedEvent } };
    }
    case 'TerminalEventRejected':
      return markSeen(state, event.data.eventId);
    case 'OperatorSignedIn':
      return { ...state, operatorId: event.data.operatorId };
    case 'OperatorSignedOut':
      return { ...state, operatorId: null };
    case 'SaleDetailsCaptured': {
      const sale = getKeyed(state.sales, event.data.transactionId) ?? newSale(event.data.transactionId);
      return { ...state, sales: setKeyed(state.sales, sale.transactionId, withDetails(sale, event.data.details)) };
    }
    case 'AuthorizationRequested':
      return updateSale(state, event.data.transactionId, (sale) => ({ ...sale, status: 'AUTHORIZING', scheme: event.data.scheme }));
    case 'SaleApproved': {
      const approved = updateSale(state, event.data.transactionId, (sale) => ({
        ...sale,
        status: 'APPROVED',
        approvedAt: event.data.occurredAt,
      }));
      return { ...approved, openBatch: [...state.openBatch, event.data.transactionId] };
    }
    case 'SaleDeclined':
      return updateSale(state, event.data.transactionId, (sale) => ({ ...sale, status: 'DECLINED' }));
    case 'AuthorizationReversed':
      return updateSale(state, event.data.transactionId, (sale) => ({ ...sale, status: 'REVERSED' }));
    case 'SaleVoided': {
      const voided = updateSale(state, event.data.transactionId, (sale) => ({ ...sale, status: 'VOIDED' }));
      return { ...voided, openBatch: state.openBatch.filter((id) => id !== event.data.transactionId) };
    }
    case 'RefundApproved': {
      const { refundId, originalTransactionId, amount } = event.data;
      const refunded = updateSale(state, originalTransactionId, (sale) => ({
        ...sale,
        refundedMinor: (BigInt(sale.refundedMinor) + BigInt(amount.minor)).toString(),
      }));
      return { ...refunded, refunds: setKeyed(state.refunds, refundId, { refundId, originalTransactionId, amount, receipts: [] }) };
    }
    case 'SignatureCaptured':
      return updateSale(state, event.data.transactionId, (sale) => ({ ...sale, signatureCaptured: true }));
    case 'ReceiptIssued': {
      const { transactionId, channel } = event.data;
      const refund = getKeyed(state.refunds, transactionId);
      if (refund !== undefined) {
        return { ...state, refunds: setKeyed(state.refunds, transactionId, { ...refund, receipts: [...refund.receipts, channel] }) };
      }
      return updateSale(state, transactionId, (sale) => ({ ...sale, receipts: [...sale.receipts, channel] }));
    }
    case 'BatchClosed': {
      const settled = event.data.sales.reduce(
        (acc, sale) => updateSale(acc, sale.transactionId, (s) => ({ ...s, status: 'SETTLED' })),
        state,
      );
      return { ...settled, openBatch: [], lastClosedBatchNumber: Math.max(state.lastClosedBatchNumber, event.data.batchNumber) };
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown ledger event ${JSON.stringify(unknown)}`);
    }
  }
}
