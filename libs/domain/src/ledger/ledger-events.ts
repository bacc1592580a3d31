import {
  EntryMode, PaymentMethod, PinResult, TerminalEvent, TerminalEventType,
} from '../terminal-events/terminal-event';
import { MoneyJson } from '../values/money';
import { RejectionCode } from './rejection-code';
import { OperatorRole } from '../registry/operators';

/**
 * What the ledger decided. Plain `{ type, data }`; `data` is JSON as it is (amounts `{ currency, minor }`,
 * instants ISO-8601 strings) and names its cause, the terminal event.
 */
type LedgerEventOf<T extends string, D> = Readonly<{ type: T; data: Readonly<Cause & D> }>;

export interface Cause {
  terminalEventId: string;
  terminalId: string;
  merchantId: string;
}

/** `NONE` for QR wallets. */
export type Scheme = string;

export type ReceiptChannel = 'PRINTED_MERCHANT' | 'PRINTED_CUSTOMER' | 'EMAILED';

export type SaleDetails =
  | { step: 'CARD'; entryMode: EntryMode; maskedPan: string; scheme: string }
  | { step: 'QR'; walletReference: string }
  | { step: 'PIN'; result: PinResult }
  | { step: 'METHOD'; method: PaymentMethod }
  | { step: 'AMOUNT'; amount: MoneyJson }
  | { step: 'TIP'; tip: MoneyJson };

export interface TotalsLine {
  method: PaymentMethod;
  currency: string;
  count: number;
  minor: string;
}

export interface TotalsDifference {
  method: PaymentMethod;
  currency: string;
  countDifference: number;
  minorDifference: string;
}

export type ReconciliationStatus = 'MATCHED' | 'MISMATCH';

export interface SequenceRange {
  from: number;
  to: number;
}

/** `amount` is the sale's, `tip` its gratuity: what the batch captures is both; the fee is on both. */
export interface SettledSale {
  transactionId: string;
  method: PaymentMethod;
  scheme: Scheme;
  amount: MoneyJson;
  tip?: MoneyJson;
  fee: MoneyJson;
  occurredAt: string;
}

export type TerminalEventRecorded = LedgerEventOf<'TerminalEventRecorded', { event: TerminalEvent; panMasked: boolean }>;
/** `receivedAt`: when the platform received the parked event; `waitingSince`: since when the terminal's gap is waited on. */
export type TerminalEventParked = LedgerEventOf<
  'TerminalEventParked',
  {
    eventId: string;
    sequence: number;
    expectedSequence: number;
    event: TerminalEvent;
    panMasked: boolean;
    receivedAt?: string;
    waitingSince?: string;
  }
>;
export type SequenceGapSkipReason = 'TIMEOUT' | 'PARKED_LIMIT';
/** Sequences `from`..`to` never arrived in time: they are skipped so that the events parked after them apply. */
export type SequenceGapSkipped = LedgerEventOf<
  'SequenceGapSkipped',
  { from: number; to: number; reason: SequenceGapSkipReason; waitingSince: string; skippedAt: string }
>;
/** Parked events applied (their gap filled or was skipped); `parkedCount` are still held, `nextSequence` is awaited. */
export type ParkedEventsReleased = LedgerEventOf<'ParkedEventsReleased', { released: number; parkedCount: number; nextSequence: number }>;
export type TerminalEventRejected = LedgerEventOf<
  'TerminalEventRejected',
  {
    eventId: string;
    sequence: number;
    eventType: TerminalEventType;
    transactionId?: string;
    /** The sale a refused void or refund was for, so that the sale's history shows the refusal. */
    originalTransactionId?: string;
    code: RejectionCode;
    reason: string;
  }
>;
/** `role`: the operator's role in the merchant's directory; absent while the merchant has added no operators. */
export type OperatorSignedIn = LedgerEventOf<'OperatorSignedIn', { operatorId: string; role?: OperatorRole }>;
export type OperatorSignedOut = LedgerEventOf<'OperatorSignedOut', Record<never, never>>;
export type SaleDetailsCaptured = LedgerEventOf<'SaleDetailsCaptured', { transactionId: string; details: SaleDetails; occurredAt: string }>;
/** The host is asked for `amount` plus `tip`, when a tip was entered before; to hold it, for a pre-authorisation. */
export type AuthorizationRequested = LedgerEventOf<
  'AuthorizationRequested',
  { transactionId: string; amount: MoneyJson; tip?: MoneyJson; method: PaymentMethod; scheme: Scheme; preAuthorization?: true; occurredAt: string }
>;
/** 预授权: the host holds `amount` on the card until `expiresAt`; not a sale, no money moves. */
export type PreAuthorizationApproved = LedgerEventOf<
  'PreAuthorizationApproved',
  {
    transactionId: string;
    amount: MoneyJson;
    method: PaymentMethod;
    scheme: Scheme;
    entryMode?: EntryMode;
    maskedPan?: string;
    operatorId?: string;
    authCode: string;
    hostReference: string;
    occurredAt: string;
    expiresAt: string;
  }
>;
export type HoldReleaseReason = 'CANCELLED' | 'EXPIRED';
/** A hold released without a sale: cancelled at the counter, or expired (`occurredAt` is then its `expiresAt`). */
export type PreAuthorizationReleased = LedgerEventOf<
  'PreAuthorizationReleased',
  { transactionId: string; amount: MoneyJson; method: PaymentMethod; scheme: Scheme; reason: HoldReleaseReason; heldAt: string; occurredAt: string }
>;
export type SaleApproved = LedgerEventOf<
  'SaleApproved',
  {
    transactionId: string;
    amount: MoneyJson;
    method: PaymentMethod;
    scheme: Scheme;
    entryMode?: EntryMode;
    maskedPan?: string;
    walletReference?: string;
    /** The operator who took the sale (absent for a sale opened before operators were recorded on sales). */
    operatorId?: string;
    /** The host's approval; a cash sale has none. */
    authCode?: string;
    hostReference?: string;
    /** A cash sale: what the customer handed over and the change given back. */
    cash?: { tendered: MoneyJson; change: MoneyJson };
    /** The gratuity entered before authorisation, captured with the sale. */
    tip?: MoneyJson;
    /** Approved by the terminal itself, the host unreachable (store-and-forward): the host's answer is awaited. */
    offline?: true;
    /** The completion of a pre-authorisation: what was held and when; anything held beyond `amount` is released. */
    preAuthorization?: { held: MoneyJson; heldAt: string };
    occurredAt: string;
  }
>;
/** The host approved a sale the terminal had approved offline: the sale stands. */
export type OfflineSaleConfirmed = LedgerEventOf<'OfflineSaleConfirmed', { transactionId: string; authCode: string; hostReference: string; occurredAt: string }>;
/**
 * The host declined a sale the terminal had approved offline: the goods are gone and nothing will be paid for them,
 * the merchant's loss. `amount` is what the sale still stood for (captured, tip included, less refunds), taken back
 * from pending, or from settled when its batch had closed (`settled`).
 */
export type OfflineSaleDeclined = LedgerEventOf<
  'OfflineSaleDeclined',
  {
    transactionId: string;
    amount: MoneyJson;
    method: PaymentMethod;
    scheme: Scheme;
    settled: boolean;
    responseCode: string;
    reason: string;
    saleOccurredAt: string;
    occurredAt: string;
  }
>;
export type SaleDeclined = LedgerEventOf<
  'SaleDeclined',
  { transactionId: string; amount: MoneyJson; method: PaymentMethod; scheme: Scheme; responseCode: string; reason: string; occurredAt: string }
>;
export type AuthorizationReversed = LedgerEventOf<
  'AuthorizationReversed',
  { transactionId: string; amount: MoneyJson; method: PaymentMethod; scheme: Scheme; occurredAt: string }
>;
/** What a void and a refund both record of the sale they give money back on, and of who did it. */
interface MoneyBack {
  amount: MoneyJson;
  method: PaymentMethod;
  scheme: Scheme;
  saleOccurredAt: string;
  occurredAt: string;
  /** The operator signed in when it was made. */
  operatorId?: string;
  /** The supervisor who approved it, above the merchant's supervisor limit. */
  supervisorId?: string;
}
/** `tip`: the voided sale's gratuity, given back with it. */
export type SaleVoided = LedgerEventOf<'SaleVoided', MoneyBack & { transactionId: string; tip?: MoneyJson }>;
/** A gratuity added to an approved card sale before its batch closes (a tip adjustment). */
export type TipAdjusted = LedgerEventOf<
  'TipAdjusted',
  { transactionId: string; tip: MoneyJson; method: PaymentMethod; scheme: Scheme; saleOccurredAt: string; occurredAt: string; operatorId?: string }
>;
/** `feeReturned`: the part of the sale's fee given back with the refund, under the merchant's RETURNED policy. */
export type RefundApproved = LedgerEventOf<'RefundApproved', MoneyBack & { refundId: string; originalTransactionId: string; feeReturned?: MoneyJson }>;
export type DisputeOutcome = 'WON' | 'LOST';
/** A chargeback on a settled sale: `amount` is held from the merchant's funds until it is resolved. */
export type DisputeOpened = LedgerEventOf<
  'DisputeOpened',
  { disputeId: string; transactionId: string; amount: MoneyJson; method: PaymentMethod; scheme: Scheme; reason: string; openedAt: string }
>;
/** Won: the held amount is the merchant's again. Lost: it goes back to the cardholder, and the acquirer charges `fee`. */
export type DisputeResolved = LedgerEventOf<
  'DisputeResolved',
  { disputeId: string; transactionId: string; outcome: DisputeOutcome; amount: MoneyJson; method: PaymentMethod; scheme: Scheme; fee?: MoneyJson; resolvedAt: string }
>;
/** The merchant's evidence against an open dispute, sent to the acquirer (once): a receipt, a delivery note, a reference. */
export type DisputeEvidenceSubmitted = LedgerEventOf<'DisputeEvidenceSubmitted', { disputeId: string; transactionId: string; evidence: string; submittedAt: string }>;
/** 交班: `shiftId` is the terminal event id of the opening. */
export type ShiftOpened = LedgerEventOf<'ShiftOpened', { shiftId: string; operatorId: string; openingCash: MoneyJson; occurredAt: string }>;
/**
 * The shift's report: its approved sales, voids and refunds per method and currency, and the drawer: the cash
 * expected is the opening cash plus cash sales less cash voids and refunds; `overShort` = counted − expected.
 */
export type ShiftClosed = LedgerEventOf<
  'ShiftClosed',
  {
    shiftId: string;
    operatorId: string;
    openedAt: string;
    occurredAt: string;
    openingCash: MoneyJson;
    expectedCash: MoneyJson;
    countedCash: MoneyJson;
    overShort: MoneyJson;
    sales: TotalsLine[];
    voids: TotalsLine[];
    refunds: TotalsLine[];
    /** Tips taken in the shift, less those of sales voided in it (absent from reports closed before tips). */
    tips?: TotalsLine[];
  }
>;
export type SignatureCaptured = LedgerEventOf<'SignatureCaptured', { transactionId: string }>;
export type ReceiptIssued = LedgerEventOf<'ReceiptIssued', { transactionId: string; channel: ReceiptChannel; reprint: boolean }>;
export type BatchClosed = LedgerEventOf<
  'BatchClosed',
  {
    batchNumber: number;
    closedAt: string;
    terminalTotals: TotalsLine[];
    ledgerTotals: TotalsLine[];
    status: ReconciliationStatus;
    differences: TotalsDifference[];
    /** Sequence gaps skipped since the previous close: a batch with any is a MISMATCH whatever its totals. */
    sequenceGaps?: SequenceRange[];
    sales: SettledSale[];
    fees: MoneyJson[];
  }
>;

export type LedgerEvent =
  | TerminalEventRecorded
  | TerminalEventParked
  | TerminalEventRejected
  | SequenceGapSkipped
  | ParkedEventsReleased
  | OperatorSignedIn
  | OperatorSignedOut
  | SaleDetailsCaptured
  | AuthorizationRequested
  | SaleApproved
  | PreAuthorizationApproved
  | PreAuthorizationReleased
  | OfflineSaleConfirmed
  | OfflineSaleDeclined
  | SaleDeclined
  | AuthorizationReversed
  | SaleVoided
  | TipAdjusted
  | RefundApproved
  | SignatureCaptured
  | ReceiptIssued
  | BatchClosed
  | ShiftOpened
  | ShiftClosed
  | DisputeOpened
  | DisputeResolved
  | DisputeEvidenceSubmitted;

export type LedgerEventType = LedgerEvent['type'];

export const LEDGER_EVENT_TYPES: readonly LedgerEventType[] = [
  'TerminalEventRecorded', 'TerminalEventParked', 'TerminalEventRejected', 'SequenceGapSkipped', 'ParkedEventsReleased', 'OperatorSignedIn', 'OperatorSignedOut',
  'SaleDetailsCaptured', 'AuthorizationRequested', 'SaleApproved', 'PreAuthorizationApproved', 'PreAuthorizationReleased', 'OfflineSaleConfirmed', 'OfflineSaleDeclined', 'SaleDeclined', 'AuthorizationReversed',
  'SaleVoided', 'TipAdjusted', 'RefundApproved', 'SignatureCaptured', 'ReceiptIssued', 'BatchClosed', 'ShiftOpened', 'ShiftClosed',
  'DisputeOpened', 'DisputeResolved', 'DisputeEvidenceSubmitted',
];

const LEDGER_EVENT_TYPE_SET: ReadonlySet<string> = new Set(LEDGER_EVENT_TYPES);

/** A stored `{ type, data }` of a terminal stream is a ledger event when its type is one: the decider wrote it. */
export function isLedgerEvent(event: { readonly type: string; readonly data: unknown }): event is LedgerEvent {
  return LEDGER_EVENT_TYPE_SET.has(event.type);
}
