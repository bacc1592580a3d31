import type { Money } from '../format/money';

/** What the dashboard reads of the GraphQL API's types. */
export interface SalesBucket {
  readonly key: string;
  readonly splitKey?: string | null;
  readonly count: number;
  readonly gross: Money;
  /** Tips of the approved sales not voided, apart from gross. */
  readonly tips: Money;
  readonly refunds: Money;
  readonly voids: Money;
  readonly fees: Money;
  /** Offline sales the host declined: the merchant's loss. */
  readonly offlineDeclined: Money;
  /** Chargebacks lost (the acquirer's fee for each is in fees). */
  readonly disputes: Money;
  /** gross + tips - refunds - fees - offlineDeclined - disputes. */
  readonly net: Money;
}

export interface FeeRate {
  readonly method: string;
  readonly basisPoints: number;
}

export interface Merchant {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly currencyExponent: number;
  readonly feeSchedule: readonly FeeRate[];
}

export interface Transaction {
  readonly id: string;
  readonly terminalId: string;
  readonly status: string;
  readonly method: string;
  readonly scheme: string;
  readonly maskedPan?: string | null;
  readonly occurredAt: string;
  readonly amount: Money;
  readonly refunded: Money;
  readonly tip: Money;
  /** Approved by the terminal offline; `awaitingHost` until the host's answer came. */
  readonly offline: boolean;
  readonly awaitingHost: boolean;
  /** What its pre-authorisation held (zero when it was none), and until when. */
  readonly held: Money;
  readonly holdExpiresAt?: string | null;
}

export interface LedgerEvent {
  readonly position: string;
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly data: string;
}

export interface Posting {
  readonly position: string;
  readonly entry: number;
  readonly eventType: string;
  readonly account: string;
  readonly debit: Money;
  readonly credit: Money;
  readonly recordedAt: string;
}

export interface SaleHistory extends Transaction {
  readonly events: readonly LedgerEvent[];
  readonly postings: readonly Posting[];
}

export interface SettlementTotal {
  readonly method: string;
  readonly count: number;
  readonly amount: Money;
}

export interface SettlementBatch {
  readonly terminalId: string;
  readonly batchNumber: number;
  readonly closedAt: string;
  readonly status: 'MATCHED' | 'MISMATCH';
  readonly terminalTotals: readonly SettlementTotal[];
  readonly ledgerTotals: readonly SettlementTotal[];
  readonly differences: readonly { readonly method: string; readonly countDifference: number; readonly amountDifference: Money }[];
  readonly fees: readonly Money[];
}

export interface TerminalSequence {
  readonly terminalId: string;
  readonly nextSequence: number;
  readonly parkedCount: number;
  readonly waitingSince?: string | null;
  readonly skippedGaps: number;
  readonly skippedSequences: number;
}

/** A cashier's shift as `shifts` answers it; the cash figures and totals are filled at its close. */
export interface Shift {
  readonly shiftId: string;
  readonly terminalId: string;
  readonly operatorId: string;
  readonly status: 'OPEN' | 'CLOSED';
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly openingCash: Money;
  readonly expectedCash: Money | null;
  readonly countedCash: Money | null;
  readonly overShort: Money | null;
  readonly sales: readonly SettlementTotal[];
  readonly voids: readonly SettlementTotal[];
  readonly refunds: readonly SettlementTotal[];
  readonly tips: readonly SettlementTotal[];
}

/** A terminal of the merchant as `terminals` answers it. */
export interface TerminalStatus {
  readonly terminalId: string;
  readonly online: boolean;
  readonly lastSeenAt: string | null;
  readonly appVersion: string | null;
  readonly network: string | null;
  readonly signal: number | null;
  readonly paperLow: boolean | null;
  readonly operatorId: string | null;
  readonly openBatch: { readonly sales: number; readonly since: string | null };
  readonly lastSettlement: { readonly batchNumber: number; readonly closedAt: string; readonly status: string } | null;
}

export interface Balance {
  readonly currency: string;
  readonly pending: Money;
  readonly settled: Money;
  readonly fees: Money;
  readonly available: Money;
  readonly held: Money;
  readonly inTransit: Money;
  readonly paidOut: Money;
  readonly cash: Money;
}

/** 日结: one day of the merchant (its zone), or of one terminal, as `endOfDay` answers it. */
export interface EndOfDay {
  readonly day: string;
  /** The day's first instant, and the next day's: 23 or 25 hours apart when the clocks change. */
  readonly from: string;
  readonly to: string;
  readonly terminalId: string | null;
  /** Per currency, all methods together (key: the currency). */
  readonly totals: readonly SalesBucket[];
  /** Per method (key) and currency. */
  readonly byMethod: readonly SalesBucket[];
  /** Batches closed that day, oldest first. */
  readonly settlements: readonly SettlementBatch[];
  /** Shifts opened that day, newest first. */
  readonly shifts: readonly Shift[];
}

/** A payout line: what one ledger event (a batch close, a refund, a dispute...) added to settled funds and fees. */
export interface PayoutLine {
  readonly position: string;
  readonly terminalId: string;
  readonly eventType: string;
  /** The batch ("batch 3"), sale, refund or dispute it concerns. */
  readonly reference: string;
  readonly settled: Money;
  readonly fees: Money;
}

export type PayoutStatus = 'IN_TRANSIT' | 'PAID' | 'FAILED';

/** Net settled funds of one currency paid to the merchant's bank on a value date, as `payouts` answers it. */
export interface Payout {
  readonly id: string;
  readonly currency: string;
  readonly status: PayoutStatus;
  /** The merchant's calendar date it is paid on. */
  readonly valueDate: string;
  readonly cutoffAt: string;
  /** settled - fees. */
  readonly amount: Money;
  readonly settled: Money;
  readonly fees: Money;
  readonly bankReference: string | null;
  readonly paidAt: string | null;
  readonly failedAt: string | null;
  readonly failureReason: string | null;
  /** In ledger order; with `broughtForward` they add up to `settled` and `fees`. */
  readonly lines: readonly PayoutLine[];
  /** Funds of earlier cut-offs it pays too (a net not positive, a failed payout returned). */
  readonly broughtForward: { readonly settled: Money; readonly fees: Money } | null;
}

/** A daily statement (日结单) as issued; a day issued again is a new version. */
export interface Statement {
  readonly date: string;
  readonly version: number;
  /** Hex SHA-256 of the CSV's bytes. */
  readonly sha256: string;
  readonly pdfSha256: string;
  readonly issuedAt: string;
}

/** A chargeback on a settled sale, as `disputes` answers it. */
export interface Dispute {
  readonly id: string;
  readonly terminalId: string;
  readonly transactionId: string;
  /** OPEN, WON or LOST. */
  readonly status: string;
  readonly method: string;
  readonly amount: Money;
  /** The acquirer's fee on a lost dispute; zero otherwise. */
  readonly fee: Money;
  readonly reason: string;
  readonly openedAt: string;
  readonly resolvedAt: string | null;
}

/** An outside bill imported for a day, as `reconciliation` answers it. */
export interface BillFile {
  /** wechat-pay, alipay, acquirer or bank. */
  readonly source: string;
  /** Hex SHA-256 of the file's bytes as received. */
  readonly sha256: string;
  readonly fileName: string;
  readonly importedBy: string;
  readonly importedAt: string;
  readonly lines: number;
  readonly matched: number;
  readonly discrepancies: number;
  readonly throughPosition: string;
  /** The source's latest file of the day: the one the discrepancies and the three-way match come from. */
  readonly current: boolean;
}

/** A person's latest decision on a discrepancy. */
export interface DiscrepancyDecision {
  /** ACCEPT_BILL, WRITE_OFF or INVESTIGATE. */
  readonly decision: string;
  readonly note: string;
  readonly decidedBy: string;
  readonly decidedAt: string;
}

/** A bill line and the ledger disagreeing, or one side without the other. */
export interface Discrepancy {
  readonly id: string;
  readonly source: string;
  /** MISSING_IN_LEDGER, MISSING_IN_BILL, AMOUNT_DIFFERS or FEE_DIFFERS. */
  readonly kind: string;
  /** SALE or REFUND. */
  readonly tradeKind: string;
  readonly reference: string;
  /** The bill's line; null when the bill lacks the trade. */
  readonly lineNumber: number | null;
  /** The ledger's terminal and transaction (a refund's refund id); null when the ledger lacks the trade. */
  readonly terminalId: string | null;
  readonly transactionId: string | null;
  readonly billAmount: Money | null;
  readonly ledgerAmount: Money | null;
  readonly billFee: Money | null;
  /** Null before the sale's batch closed. */
  readonly ledgerFee: Money | null;
  /** OPEN until someone decides, then the latest decision: INVESTIGATE, ACCEPT_BILL or WRITE_OFF. */
  readonly status: string;
  readonly decision: DiscrepancyDecision | null;
  readonly foundAt: string;
}

/** The terminal's totals, the ledger's and the bill's for one batch closed that day (BATCH) or the whole day (DAY). */
export interface ThreeWayMatch {
  readonly source: string;
  readonly scope: 'BATCH' | 'DAY';
  /** '' and 0 for the day. */
  readonly terminalId: string;
  readonly batchNumber: number;
  readonly terminalCount: number;
  readonly terminalAmount: Money;
  readonly ledgerCount: number;
  readonly ledgerAmount: Money;
  readonly billCount: number;
  readonly billAmount: Money;
  /** MATCHED when all three agree, else MISMATCH. */
  readonly status: string;
}

/** 对账: a day's reconciliation against the outside bills imported for it. */
export interface Reconciliation {
  readonly date: string;
  /** NO_BILLS, MATCHED, OPEN or RESOLVED. */
  readonly status: string;
  readonly files: readonly BillFile[];
  readonly discrepancies: readonly Discrepancy[];
  readonly threeWay: readonly ThreeWayMatch[];
}
