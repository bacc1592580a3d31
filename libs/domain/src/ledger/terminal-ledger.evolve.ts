import { emptyKeyed, getKeyed, hasKeyed, setKeyed, withoutKeyed } from './keyed-record';
import { emptyKeyedSet, inKeyedSet, keyedSetValues, withKey } from './keyed-set';
import { LedgerEvent, SaleApproved, SaleDetails, SaleVoided, SequenceRange } from './ledger-events';
import { withTotal } from '../settlement/totals';
import { RejectionCode } from './rejection-code';
import { PaymentMethod } from '../terminal-events/terminal-event';
import { MoneyJson } from '../values/money';
import { REMEMBERED_EVENT_IDS, REMEMBERED_GAPS } from './sequence-policy';
import { storedSale } from './packed-sale';
import { changed, SaleState, saleOf, TerminalLedgerState } from './terminal-ledger.state';

const SIGN_IN_REFUSALS: ReadonlySet<RejectionCode> = new Set<RejectionCode>(['UNKNOWN_OPERATOR', 'OPERATOR_DISABLED']);

const remembered = (ranges: readonly SequenceRange[], range: SequenceRange): readonly SequenceRange[] =>
  [...ranges.slice(-(REMEMBERED_GAPS - 1)), range];

/** A recorded event either is the next in sequence (maybe released from the parked ones) or fills a skipped gap late. */
function withRecordedSequence(state: TerminalLedgerState, sequence: number): TerminalLedgerState {
  const key = String(sequence);
  if (sequence < state.nextSequence) return changed(state, { lateSequences: setKeyed(state.lateSequences, key, true) });
  if (!hasKeyed(state.parked, key)) return changed(state, { nextSequence: sequence + 1 });
  const parkedCount = state.parkedCount - 1;
  return changed(state, {
    nextSequence: sequence + 1,
    parked: parkedCount === 0 ? emptyKeyed() : withoutKeyed(state.parked, key),
    parkedCount,
    waitingSince: parkedCount === 0 ? null : state.waitingSince,
  });
}

/** Remembers an event id; a full generation becomes the earlier one, and the one before that is forgotten. */
function markSeen(state: TerminalLedgerState, eventId: string): TerminalLedgerState {
  if (inKeyedSet(state.seenEventIds, eventId)) return state;
  if (state.seenCount < REMEMBERED_EVENT_IDS) return changed(state, { seenEventIds: withKey(state.seenEventIds, eventId), seenCount: state.seenCount + 1 });
  return changed(state, {
    seenEventIds: withKey(emptyKeyedSet(), eventId),
    seenCount: 1,
    earlierEventIds: state.seenEventIds,
    seenFrom: state.nextSequence,
    rememberedFrom: state.seenFrom,
  });
}

function updateSale(state: TerminalLedgerState, transactionId: string, change: (sale: SaleState) => SaleState): TerminalLedgerState {
  const sale = saleOf(state, transactionId);
  return sale === undefined ? state : changed(state, { sales: setKeyed(state.sales, transactionId, storedSale(change(sale))) });
}

function newSale(transactionId: string, operatorId: string | null): SaleState {
  return { transactionId, status: 'OPEN', ...(operatorId === null ? {} : { operatorId }), refundedMinor: '0', receipts: [] };
}

/**
 * An approved sale keeps what the rules after approval read (amounts, method, scheme, refunds, disputes, receipts).
 * The steps that led to it (card, wallet reference, PIN, hold, operator) are in its events and no rule reads them
 * again: a terminal's state holds every sale it keeps for refunds and disputes, so each byte here is per sale.
 */
function approvedSale(sale: SaleState, approval: SaleApproved['data']): SaleState {
  const { card, walletReference, pinResult, hold, preAuthorization, operatorId, ...kept } = sale;
  return {
    ...kept,
    status: 'APPROVED',
    // A completed pre-authorisation sells what its completion says, not what was held.
    amount: approval.amount,
    scheme: approval.scheme,
    approvedAt: approval.occurredAt,
    ...(approval.offline ? { offline: 'AWAITING_HOST' as const } : {}),
  };
}

function withDetails(sale: SaleState, details: SaleDetails): SaleState {
  // Not `{ ...sale, [field]: value }`: a property the sale lacks, added after a spread, takes V8's slow path (see withCause).
  return Object.assign({}, sale, stepOf(details));
}

function stepOf(details: SaleDetails): Partial<SaleState> {
  switch (details.step) {
    case 'CARD':
      return { card: { entryMode: details.entryMode, maskedPan: details.maskedPan, scheme: details.scheme } };
    case 'QR':
      return { walletReference: details.walletReference };
    case 'PIN':
      return { pinResult: details.result };
    case 'METHOD':
      return { method: details.method };
    case 'AMOUNT':
      return { amount: details.amount };
    case 'TIP':
      return { tip: details.tip };
    default: {
      const unknown: never = details;
      throw new Error(`unknown sale step ${JSON.stringify(unknown)}`);
    }
  }
}

/** Adds a tip to the open shift's report, if a shift is open. */
function tipInShift(state: TerminalLedgerState, transactionId: string, method: PaymentMethod, tip: MoneyJson | undefined): TerminalLedgerState {
  if (state.shift === null || tip === undefined) return state;
  const { tips, tipped } = state.shift;
  return changed(state, { shift: { ...state.shift, tips: withTotal(tips, method, tip, 1), tipped: withKey(tipped, transactionId) } });
}

/** Takes a voided sale's tip out of the open shift's tips, if the shift took it. */
function voidedInShift(state: TerminalLedgerState, { transactionId, method, tip }: SaleVoided['data']): TerminalLedgerState {
  if (state.shift === null || tip === undefined || !inKeyedSet(state.shift.tipped, transactionId)) return state;
  return changed(state, { shift: { ...state.shift, tips: withTotal(state.shift.tips, method, tip, -1) } });
}

/** Forgets the ids of tipped sales no void can reach any more (settled, voided): voids alone look them up; the shift's tip totals stay. */
function voidableTipsInShift(state: TerminalLedgerState): TerminalLedgerState {
  if (state.shift === null) return state;
  const voidable = keyedSetValues(state.shift.tipped).filter((transactionId) => saleOf(state, transactionId)?.status === 'APPROVED');
  return changed(state, { shift: { ...state.shift, tipped: voidable.reduce(withKey, emptyKeyedSet()) } });
}

/** Adds a sale, void or refund to the open shift's report, if a shift is open. */
function inShift(state: TerminalLedgerState, totals: 'sales' | 'voids' | 'refunds', { method, amount }: { method: PaymentMethod; amount: MoneyJson }): TerminalLedgerState {
  return state.shift === null ? state : changed(state, { shift: { ...state.shift, [totals]: withTotal(state.shift[totals], method, amount, 1) } });
}

/** Applies one ledger event to the terminal's state. Pure: the state passed in is never changed. */
export function evolve(state: TerminalLedgerState, event: LedgerEvent): TerminalLedgerState {
  switch (event.type) {
    case 'TerminalEventRecorded':
      return withRecordedSequence(markSeen(state, event.data.event.eventId), event.data.event.sequence);
    case 'TerminalEventParked': {
      const seen = markSeen(state, event.data.eventId);
      // Events parked before receivedAt was recorded take their own occurredAt as the time they arrived.
      const receivedAt = event.data.receivedAt ?? event.data.event.occurredAt;
      const parkedEvent = { event: event.data.event, panMasked: event.data.panMasked, receivedAt };
      return changed(seen, {
        parked: setKeyed(state.parked, String(event.data.sequence), parkedEvent),
        parkedCount: state.parkedCount + 1,
        waitingSince: state.waitingSince ?? event.data.waitingSince ?? receivedAt,
      });
    }
    case 'TerminalEventRejected': {
      const seen = markSeen(state, event.data.eventId);
      // Only these codes end the session: an older refusal of a sign-in (out of the time window) left it as it was.
      return SIGN_IN_REFUSALS.has(event.data.code) ? changed(seen, { operatorId: null }) : seen;
    }
    case 'SequenceGapSkipped': {
      const gap = { from: event.data.from, to: event.data.to };
      return changed(state, {
        nextSequence: Math.max(state.nextSequence, gap.to + 1),
        skippedGaps: remembered(state.skippedGaps, gap),
        batchGaps: remembered(state.batchGaps, gap),
      });
    }
    case 'ParkedEventsReleased':
      return state;
    case 'OperatorSignedIn':
      return changed(state, { operatorId: event.data.operatorId });
    case 'OperatorSignedOut':
      return changed(state, { operatorId: null });
    case 'SaleDetailsCaptured': {
      const sale = saleOf(state, event.data.transactionId) ?? newSale(event.data.transactionId, state.operatorId);
      return changed(state, { sales: setKeyed(state.sales, sale.transactionId, storedSale(withDetails(sale, event.data.details))) });
    }
    case 'AuthorizationRequested':
      return updateSale(state, event.data.transactionId, (sale) => ({
        ...sale,
        status: 'AUTHORIZING',
        scheme: event.data.scheme,
        ...(event.data.preAuthorization ? { preAuthorization: true as const } : {}),
      }));
    case 'PreAuthorizationApproved': {
      const { transactionId, amount, occurredAt, expiresAt, authCode, hostReference } = event.data;
      const held = updateSale(state, transactionId, (sale) => ({ ...sale, status: 'HELD', hold: { amount, heldAt: occurredAt, expiresAt, authCode, hostReference } }));
      return changed(held, { openHolds: [...state.openHolds, transactionId] });
    }
    case 'PreAuthorizationReleased': {
      const released = updateSale(state, event.data.transactionId, (sale) => ({ ...sale, status: 'RELEASED' }));
      return changed(released, { openHolds: state.openHolds.filter((id) => id !== event.data.transactionId) });
    }
    case 'SaleApproved': {
      const approved = updateSale(state, event.data.transactionId, (sale) => approvedSale(sale, event.data));
      // Cash stays in the drawer: it joins the shift, never a batch.
      const openBatch = event.data.method === 'CASH' ? state.openBatch : [...state.openBatch, event.data.transactionId];
      const openHolds = event.data.preAuthorization ? state.openHolds.filter((id) => id !== event.data.transactionId) : state.openHolds;
      const withTip = tipInShift(changed(approved, { openBatch, openHolds }), event.data.transactionId, event.data.method, event.data.tip);
      return inShift(withTip, 'sales', event.data);
    }
    case 'OfflineSaleConfirmed':
      return updateSale(state, event.data.transactionId, (sale) => ({ ...sale, offline: 'CONFIRMED' }));
    case 'OfflineSaleDeclined': {
      const declined = updateSale(state, event.data.transactionId, (sale) => ({ ...sale, status: 'OFFLINE_DECLINED' }));
      return changed(declined, { openBatch: state.openBatch.filter((id) => id !== event.data.transactionId) });
    }
    case 'TipAdjusted': {
      const { transactionId, method, tip } = event.data;
      return tipInShift(updateSale(state, transactionId, (sale) => ({ ...sale, tip })), transactionId, method, tip);
    }
    case 'SaleDeclined':
      return updateSale(state, event.data.transactionId, (sale) => ({ ...sale, status: 'DECLINED' }));
    case 'AuthorizationReversed':
      return updateSale(state, event.data.transactionId, (sale) => ({ ...sale, status: 'REVERSED' }));
    case 'SaleVoided': {
      const voided = updateSale(state, event.data.transactionId, (sale) => ({ ...sale, status: 'VOIDED' }));
      const withoutTip = voidedInShift(changed(voided, { openBatch: state.openBatch.filter((id) => id !== event.data.transactionId) }), event.data);
      return inShift(withoutTip, 'voids', event.data);
    }
    case 'RefundApproved': {
      const { refundId, originalTransactionId, amount, feeReturned } = event.data;
      const refunded = updateSale(state, originalTransactionId, (sale) => ({
        ...sale,
        refundedMinor: (BigInt(sale.refundedMinor) + BigInt(amount.minor)).toString(),
        ...(feeReturned ? { feeReturnedMinor: (BigInt(sale.feeReturnedMinor ?? '0') + BigInt(feeReturned.minor)).toString() } : {}),
      }));
      return inShift(changed(refunded, { refunds: setKeyed(state.refunds, refundId, { refundId, originalTransactionId, amount, receipts: [] }) }), 'refunds', event.data);
    }
    case 'SignatureCaptured':
      return state;
    case 'ReceiptIssued': {
      const { transactionId, channel } = event.data;
      const refund = getKeyed(state.refunds, transactionId);
      if (refund !== undefined) {
        return changed(state, { refunds: setKeyed(state.refunds, transactionId, { ...refund, receipts: [...refund.receipts, channel] }) });
      }
      return updateSale(state, transactionId, (sale) => ({ ...sale, receipts: [...sale.receipts, channel] }));
    }
    case 'ShiftOpened': {
      const { shiftId, operatorId, openingCash, occurredAt } = event.data;
      return changed(state, { shift: { shiftId, operatorId, openingCash, openedAt: occurredAt, sales: [], voids: [], refunds: [], tips: [], tipped: emptyKeyedSet() } });
    }
    case 'ShiftClosed':
      return changed(state, { shift: null });
    case 'DisputeOpened': {
      const { disputeId, transactionId, amount, method, scheme } = event.data;
      const held = updateSale(state, transactionId, (sale) => ({ ...sale, disputedMinor: (BigInt(sale.disputedMinor ?? '0') + BigInt(amount.minor)).toString() }));
      return changed(held, { disputes: setKeyed(state.disputes, disputeId, { disputeId, transactionId, amount, method, scheme, status: 'OPEN' }) });
    }
    case 'DisputeResolved': {
      const { disputeId, transactionId, amount, outcome } = event.data;
      const dispute = getKeyed(state.disputes, disputeId);
      // Lost, the amount went back to the cardholder: like a refund, the sale stands for that much less.
      const released = updateSale(state, transactionId, (sale) => ({
        ...sale,
        disputedMinor: (BigInt(sale.disputedMinor ?? '0') - BigInt(amount.minor)).toString(),
        ...(outcome === 'LOST' ? { refundedMinor: (BigInt(sale.refundedMinor) + BigInt(amount.minor)).toString() } : {}),
      }));
      return dispute === undefined ? released : changed(released, { disputes: setKeyed(state.disputes, disputeId, { ...dispute, status: outcome }) });
    }
    case 'DisputeEvidenceSubmitted': {
      const dispute = getKeyed(state.disputes, event.data.disputeId);
      return dispute === undefined ? state : changed(state, { disputes: setKeyed(state.disputes, dispute.disputeId, { ...dispute, evidenceSubmitted: true }) });
    }
    case 'BatchClosed': {
      const settled = event.data.sales.reduce(
        (acc, sale) => updateSale(acc, sale.transactionId, (s) => ({ ...s, status: 'SETTLED', fee: sale.fee })),
        state,
      );
      return changed(voidableTipsInShift(settled), { openBatch: [], batchGaps: [], lastClosedBatchNumber: Math.max(state.lastClosedBatchNumber, event.data.batchNumber) });
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown ledger event ${JSON.stringify(unknown)}`);
    }
  }
}
