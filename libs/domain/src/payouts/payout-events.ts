import { MoneyJson } from '../values/money';

/** A merchant's payouts are one stream of the event store, named after the merchant. */
const PAYOUT_STREAM_PREFIX = 'payouts-';

export const payoutStream = (merchantId: string): string => `${PAYOUT_STREAM_PREFIX}${merchantId}`;

export const isPayoutStream = (streamId: string): boolean => streamId.startsWith(PAYOUT_STREAM_PREFIX);

/**
 * What one ledger event changed in the merchant's available funds (available = settled - fees), in one currency:
 * `settled` (credit side of merchant:settled) and `fees` (debit side of merchant:fees), signed minor units.
 */
export interface PayoutLine {
  /** The ledger event's position in the store's global order. */
  readonly position: string;
  readonly terminalId: string;
  readonly eventType: string;
  /** The batch (`batch 3`), sale, refund or dispute the event concerns. */
  readonly reference: string;
  readonly settled: string;
  readonly fees: string;
}

/** Funds a cut-off did not pay (their net was not positive) or a failed payout returned, brought to the next one. */
export interface BroughtForward {
  readonly currency: string;
  readonly settled: string;
  readonly fees: string;
}

type PayoutEventOf<T extends string, D> = Readonly<{ type: T; data: Readonly<{ merchantId: string } & D> }>;

/**
 * Net settled funds on their way to the merchant's bank: `amount` = `settled` - `fees`, the sum of `lines` and of
 * `broughtForward`, always positive; paid on `valueDate` (the merchant's calendar).
 */
export type PayoutScheduled = PayoutEventOf<'PayoutScheduled', {
  payoutId: string;
  currency: string;
  valueDate: string;
  cutoffAt: string;
  settled: MoneyJson;
  fees: MoneyJson;
  amount: MoneyJson;
  lines: readonly PayoutLine[];
  broughtForward?: BroughtForward;
}>;
/**
 * A payout run: every movement of the merchant's terminals up to `throughPosition` recorded before `cutoffAt` is now
 * in a payout or `carriedForward` (a currency whose net was not positive: a refund larger than the takings leaves a
 * negative balance, carried to the next run).
 */
export type PayoutsCutOff = PayoutEventOf<'PayoutsCutOff', { cutoffAt: string; throughPosition: string; carriedForward: readonly BroughtForward[] }>;
/** The bank confirmed the payout reached the merchant's account. */
export type PayoutPaid = PayoutEventOf<'PayoutPaid', { payoutId: string; amount: MoneyJson; bankReference: string; paidAt: string }>;
/** The bank returned the payout: its funds are available again and go with the next payout. */
export type PayoutFailed = PayoutEventOf<'PayoutFailed', { payoutId: string; amount: MoneyJson; settled: MoneyJson; fees: MoneyJson; reason: string; failedAt: string }>;

export type PayoutEvent = PayoutScheduled | PayoutsCutOff | PayoutPaid | PayoutFailed;

export const PAYOUT_EVENT_TYPES: readonly PayoutEvent['type'][] = ['PayoutScheduled', 'PayoutsCutOff', 'PayoutPaid', 'PayoutFailed'];
const PAYOUT_EVENT_TYPE_SET: ReadonlySet<string> = new Set(PAYOUT_EVENT_TYPES);

export function isPayoutEvent(event: { readonly type: string; readonly data: unknown }): event is PayoutEvent {
  return PAYOUT_EVENT_TYPE_SET.has(event.type);
}
