import { EntryMode, PaymentMethod, PinResult, TerminalEvent } from '../terminal-events/terminal-event';
import { MoneyJson } from '../values/money';
import { emptyKeyed, getKeyed, hasKeyed, KeyedRecord } from './keyed-record';
import { emptyKeyedSet, inKeyedSet, KeyedSet } from './keyed-set';
import { DisputeOutcome, ReceiptChannel, Scheme, SequenceRange, TotalsLine } from './ledger-events';
import { saleFromStored, StoredSale } from './packed-sale';

export type SaleStatus = 'OPEN' | 'AUTHORIZING' | 'HELD' | 'RELEASED' | 'APPROVED' | 'DECLINED' | 'REVERSED' | 'VOIDED' | 'SETTLED' | 'OFFLINE_DECLINED';

/** An approved pre-authorisation: what the host holds, until when, and its approval (which its completion carries). */
export interface Hold {
  amount: MoneyJson;
  heldAt: string;
  expiresAt: string;
  authCode: string;
  hostReference: string;
}

/** A sale as the rules read it; once approved, it keeps only what the rules after approval read (see evolve). */
export interface SaleState {
  transactionId: string;
  status: SaleStatus;
  /** The operator signed in when the sale opened. */
  operatorId?: string;
  amount?: MoneyJson;
  /** The gratuity, entered before authorisation or adjusted after approval. */
  tip?: MoneyJson;
  method?: PaymentMethod;
  card?: { entryMode: EntryMode; maskedPan: string; scheme: Scheme };
  walletReference?: string;
  pinResult?: PinResult;
  /** Set at authorization request: the scheme the sale is reported under (`NONE` for QR). */
  scheme?: Scheme;
  /** When the sale was approved: the instant reports use. */
  approvedAt?: string;
  /** Sent to the host as a pre-authorisation: approved, it is HELD, not sold. */
  preAuthorization?: true;
  hold?: Hold;
  /** Approved offline by the terminal: the host's answer is awaited until it is CONFIRMED. */
  offline?: 'AWAITING_HOST' | 'CONFIRMED';
  refundedMinor: string;
  /** The fee its batch charged, and how much of it refunds returned. */
  fee?: MoneyJson;
  feeReturnedMinor?: string;
  /** What its open disputes hold. */
  disputedMinor?: string;
  receipts: readonly ReceiptChannel[];
}

export interface RefundState {
  refundId: string;
  originalTransactionId: string;
  amount: MoneyJson;
  receipts: readonly ReceiptChannel[];
}

/** A chargeback on one of the terminal's sales. */
export interface DisputeState {
  disputeId: string;
  transactionId: string;
  amount: MoneyJson;
  method: PaymentMethod;
  scheme: Scheme;
  status: 'OPEN' | DisputeOutcome;
  evidenceSubmitted?: boolean;
}

/**
 * A shift in progress and what happened in it so far, as running totals per method and currency: a shift that stays
 * open grows only by the tipped sales of the batch still open.
 */
export interface OpenShift {
  shiftId: string;
  operatorId: string;
  openingCash: MoneyJson;
  openedAt: string;
  sales: readonly TotalsLine[];
  voids: readonly TotalsLine[];
  refunds: readonly TotalsLine[];
  /** Tips taken in the shift; a void in the shift takes its sale's tip out. */
  tips: readonly TotalsLine[];
  /** The sales whose tip the shift took and that a void can still reach: only their voids take a tip out of it. */
  tipped: KeyedSet;
}

export interface ParkedEvent {
  event: TerminalEvent;
  panMasked: boolean;
  /** When the platform received it: the clock its own checks use when it is applied later. */
  receivedAt: string;
}

export interface TerminalLedgerState {
  terminalId: string;
  /** The sequence the terminal's next processed event must carry; sequences run contiguously from 1. */
  nextSequence: number;
  /**
   * The terminal eventIds processed, parked or rejected lately (at most REMEMBERED_EVENT_IDS, then they move to
   * `earlierEventIds` and these start afresh): redelivery of any of them, or of a parked event, is a no-op.
   */
  seenEventIds: KeyedSet;
  seenCount: number;
  /** The generation of seen ids before `seenEventIds`; the one before it is forgotten. */
  earlierEventIds: KeyedSet;
  /** `nextSequence` when `seenEventIds` started. */
  seenFrom: number;
  /** `nextSequence` when `earlierEventIds` started: every event recorded at this sequence or later is remembered. */
  rememberedFrom: number;
  /** Events that arrived ahead of a gap, by sequence, waiting for it to fill (at most MAX_PARKED_EVENTS). */
  parked: KeyedRecord<ParkedEvent>;
  parkedCount: number;
  /** When the first of the parked events arrived: the terminal's gaps are waited on from then. */
  waitingSince: string | null;
  /** The most recent skipped gaps: a missing event that arrives late in one of them is still applied. */
  skippedGaps: readonly SequenceRange[];
  /** Sequences of skipped gaps that arrived late and were applied. */
  lateSequences: KeyedRecord<true>;
  /** Gaps skipped since the last batch close. */
  batchGaps: readonly SequenceRange[];
  operatorId: string | null;
  /** Sales as the rules read them through saleOf; those the counter is done with are packed (packed-sale.ts). */
  sales: KeyedRecord<StoredSale>;
  refunds: KeyedRecord<RefundState>;
  /** Approved, not voided sales of the open batch, in approval order. */
  openBatch: readonly string[];
  lastClosedBatchNumber: number;
  shift: OpenShift | null;
  /** Transactions whose pre-authorisation is HELD, oldest first: each expires unless completed or cancelled. */
  openHolds: readonly string[];
  disputes: KeyedRecord<DisputeState>;
}

export function initialState(terminalId: string): TerminalLedgerState {
  return {
    terminalId,
    nextSequence: 1,
    seenEventIds: emptyKeyedSet(),
    seenCount: 0,
    earlierEventIds: emptyKeyedSet(),
    seenFrom: 1,
    rememberedFrom: 1,
    parked: emptyKeyed(),
    parkedCount: 0,
    waitingSince: null,
    skippedGaps: [],
    lateSequences: emptyKeyed(),
    batchGaps: [],
    operatorId: null,
    sales: emptyKeyed(),
    refunds: emptyKeyed(),
    openBatch: [],
    lastClosedBatchNumber: 0,
    shift: null,
    openHolds: [],
    disputes: emptyKeyed(),
  };
}

/**
 * The state with `changes` over it, for evolve. Not `{ ...state, ...changes }`: a terminal's states come in several of
 * V8's hidden classes (a field's class is generalised as values of another kind first arrive, `shift` from null to an
 * object, say), and a spread that meets several takes V8's slow copy: 2.1-2.7 µs over the decider bench's states
 * against 0.16-0.65 for one literal of every field (bench/RESULTS.md). Typed `Required`, the literal does not compile
 * with a field left out, optional or not.
 */
export function changed(state: TerminalLedgerState, changes: Partial<TerminalLedgerState>): TerminalLedgerState {
  const copy: Required<TerminalLedgerState> = {
    terminalId: state.terminalId,
    nextSequence: state.nextSequence,
    seenEventIds: state.seenEventIds,
    seenCount: state.seenCount,
    earlierEventIds: state.earlierEventIds,
    seenFrom: state.seenFrom,
    rememberedFrom: state.rememberedFrom,
    parked: state.parked,
    parkedCount: state.parkedCount,
    waitingSince: state.waitingSince,
    skippedGaps: state.skippedGaps,
    lateSequences: state.lateSequences,
    batchGaps: state.batchGaps,
    operatorId: state.operatorId,
    sales: state.sales,
    refunds: state.refunds,
    openBatch: state.openBatch,
    lastClosedBatchNumber: state.lastClosedBatchNumber,
    shift: state.shift,
    openHolds: state.openHolds,
    disputes: state.disputes,
  };
  return Object.assign(copy, changes);
}

/** The event was processed, parked or rejected lately: its redelivery is a no-op. */
export function hasSeen(state: TerminalLedgerState, event: Pick<TerminalEvent, 'eventId' | 'sequence'>): boolean {
  return inKeyedSet(state.seenEventIds, event.eventId) || inKeyedSet(state.earlierEventIds, event.eventId) || parkedAt(state, event.sequence)?.event.eventId === event.eventId;
}

export function saleOf(state: TerminalLedgerState, transactionId: string): SaleState | undefined {
  const stored = getKeyed(state.sales, transactionId);
  return stored === undefined ? undefined : saleFromStored(transactionId, stored);
}

export function disputeOf(state: TerminalLedgerState, disputeId: string): DisputeState | undefined {
  return getKeyed(state.disputes, disputeId);
}

export function refundOf(state: TerminalLedgerState, refundId: string): RefundState | undefined {
  return getKeyed(state.refunds, refundId);
}

export function parkedAt(state: TerminalLedgerState, sequence: number): ParkedEvent | undefined {
  return getKeyed(state.parked, String(sequence));
}

/** A sequence behind `nextSequence` that was skipped at a gap and has not arrived since. */
export function isSkippedAndMissing(state: TerminalLedgerState, sequence: number): boolean {
  return state.skippedGaps.some(({ from, to }) => sequence >= from && sequence <= to) && !hasKeyed(state.lateSequences, String(sequence));
}
