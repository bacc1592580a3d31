import { MoneyJson } from '../values/money';
import { BillLine, BillLineKind, BillSource } from './bill';

/** A merchant's imported bills and reconciliation decisions are one stream of the event store, named after the merchant. */
const BILL_STREAM_PREFIX = 'bills-';

export const billStream = (merchantId: string): string => `${BILL_STREAM_PREFIX}${merchantId}`;

export const isBillStream = (streamId: string): boolean => streamId.startsWith(BILL_STREAM_PREFIX);

/** STATUS_DIFFERS: the bank says a payout was credited that the ledger has as returned, or the other way round. */
export type DiscrepancyKind = 'MISSING_IN_LEDGER' | 'MISSING_IN_BILL' | 'AMOUNT_DIFFERS' | 'FEE_DIFFERS' | 'STATUS_DIFFERS';

/** One line of an outside bill and the ledger's transaction disagreeing, or one side without the other. */
export interface Discrepancy {
  /** DSC-000001, ...: numbered per merchant in the order found. */
  readonly discrepancyId: string;
  readonly kind: DiscrepancyKind;
  readonly tradeKind: BillLineKind;
  /** The sender's reference (or, for a transaction missing from the bill, the ledger's). */
  readonly reference: string;
  /** The bill's line, absent when the bill lacks the transaction. */
  readonly lineNumber?: number;
  /** The ledger's transaction (a refund's refund id; a payout's id for the bank), absent when the ledger lacks it. */
  readonly terminalId?: string;
  readonly transactionId?: string;
  readonly billAmount?: MoneyJson;
  readonly ledgerAmount?: MoneyJson;
  readonly billFee?: MoneyJson;
  /** The fee the ledger charged by the merchant's fee schedule; absent before the sale's batch closed. */
  readonly ledgerFee?: MoneyJson;
}

export type ThreeWayScope = 'BATCH' | 'DAY';

/** Terminal totals, ledger and bill side by side for one batch or the whole day, one currency: MATCHED when all three agree. */
export interface ThreeWayLine {
  readonly scope: ThreeWayScope;
  /** A batch's terminal and number; '' and 0 for the day. */
  readonly terminalId: string;
  readonly batchNumber: number;
  readonly currency: string;
  readonly terminalCount: number;
  readonly terminalMinor: string;
  readonly ledgerCount: number;
  readonly ledgerMinor: string;
  readonly billCount: number;
  readonly billMinor: string;
  readonly status: 'MATCHED' | 'MISMATCH';
}

/**
 * What a matched line tells the ledger to record, once the bill is recorded (the ledger's clock carries it out, and
 * again harmlessly after a crash): the bank credited or returned a payout; the acquirer took a chargeback on a sale.
 */
export type BillAction =
  | { readonly type: 'ConfirmPayout'; readonly lineNumber: number; readonly payoutId: string; readonly bankReference: string }
  | { readonly type: 'FailPayout'; readonly lineNumber: number; readonly payoutId: string; readonly reason: string }
  | {
      readonly type: 'OpenDispute'; readonly lineNumber: number; readonly terminalId: string; readonly transactionId: string; readonly disputeId: string;
      readonly amount: MoneyJson; readonly reason: string;
    };

/** An outside bill as received: its file's SHA-256, who imported it, and every line parsed. */
export type BillImported = Readonly<{
  type: 'BillImported';
  data: Readonly<{ merchantId: string; source: BillSource; date: string; sha256: string; fileName: string; importedBy: string; importedAt: string; lines: readonly BillLine[] }>;
}>;

/** What matching the bill against the ledger found, through a store position: the lines matched, each discrepancy, the three-way match. */
export type BillReconciled = Readonly<{
  type: 'BillReconciled';
  data: Readonly<{
    merchantId: string; source: BillSource; date: string; sha256: string; throughPosition: string; reconciledAt: string;
    matched: number; discrepancies: readonly Discrepancy[]; threeWay: readonly ThreeWayLine[]; actions: readonly BillAction[];
  }>;
}>;

/** ACCEPT_BILL: the sender's figure stands. WRITE_OFF: the difference is the merchant's to bear. INVESTIGATE: open, someone is on it. */
export type DiscrepancyDecision = 'ACCEPT_BILL' | 'WRITE_OFF' | 'INVESTIGATE';

export const DISCREPANCY_DECISIONS: readonly DiscrepancyDecision[] = ['ACCEPT_BILL', 'WRITE_OFF', 'INVESTIGATE'];

/** A person's decision on a discrepancy, with who and when. */
export type DiscrepancyResolved = Readonly<{
  type: 'DiscrepancyResolved';
  data: Readonly<{ merchantId: string; discrepancyId: string; decision: DiscrepancyDecision; note: string; decidedBy: string; decidedAt: string }>;
}>;

export type BillEvent = BillImported | BillReconciled | DiscrepancyResolved;

export function isBillEvent(event: { readonly type: string; readonly data: unknown }): event is BillEvent {
  return event.type === 'BillImported' || event.type === 'BillReconciled' || event.type === 'DiscrepancyResolved';
}
