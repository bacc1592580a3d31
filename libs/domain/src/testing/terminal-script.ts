import { DEFAULT_FEE_SCHEDULE, FeeSchedule } from '../ledger/fee-schedule';
import { DEFAULT_SEQUENCE_POLICY, SequencePolicy } from '../ledger/sequence-policy';
import { PreAuthorizationPolicy } from '../ledger/pre-authorization-policy';
import { RefundFeePolicy } from '../ledger/refund-fee-policy';
import { Cause, LedgerEvent } from '../ledger/ledger-events';
import { decide, evolve, initialState, TerminalLedgerCommand, TerminalLedgerState } from '../ledger/terminal-ledger.decider';
import { OperatorDirectory } from '../registry/operators';
import {
  EntryMode, PaymentMethod, PinResult, ReceiptCopy, SettlementTotalLine, TerminalEvent, TerminalEventOf,
  TerminalEventPayloads, TerminalEventType,
} from '../terminal-events/terminal-event';

/** Deterministic UUIDs for tests: `uuid(1, 7)` is `00000001-0000-4000-8000-000000000007`. */
export function testUuid(namespace: number, n: number): string {
  return `${namespace.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Transaction ids for tests: `tx(1)`. */
export const tx = (n: number): string => testUuid(0xabc, n);

export const TEST_MERCHANT = 'm-1';
const START_MS = Date.UTC(2026, 10, 23, 2, 0, 0);

/**
 * A terminal as a test writes it: each call makes the terminal's next event (sequence + 1, its own eventId,
 * an instant one second later).
 */
export class TerminalScript {
  private sequence = 0;

  constructor(readonly terminalId: string = 't-1') {}

  /** A copy at the same position: tests that share a history each continue it on their own. */
  fork(): TerminalScript {
    const copy = new TerminalScript(this.terminalId);
    copy.sequence = this.sequence;
    return copy;
  }

  /** The sequence the next event will carry. */
  get nextSequence(): number {
    return this.sequence + 1;
  }

  event<T extends TerminalEventType>(type: T, payload: TerminalEventPayloads[T], transactionId?: string): TerminalEventOf<T> {
    this.sequence += 1;
    const event = {
      eventId: testUuid(0xe0000000 + (this.terminalId.length % 16), this.sequence + this.offset()),
      terminalId: this.terminalId,
      sequence: this.sequence,
      occurredAt: new Date(START_MS + this.sequence * 1000).toISOString(),
      ...(transactionId !== undefined ? { transactionId } : {}),
      type,
      payload,
    };
    return event as TerminalEventOf<T>;
  }

  // Different terminals get different eventIds.
  private offset(): number {
    let hash = 0;
    for (const ch of this.terminalId) hash = (hash * 31 + ch.charCodeAt(0)) % 100_000;
    return hash * 1_000_000;
  }

  signedIn(operatorId = 'op-1') {
    return this.event('operator.signed_in', { operatorId });
  }
  signedOut() {
    return this.event('operator.signed_out', {});
  }
  cardInserted(transactionId: string, card: { entryMode?: EntryMode; maskedPan?: string; scheme?: string } = {}) {
    return this.event(
      'card.inserted',
      { entryMode: card.entryMode ?? 'CHIP', maskedPan: card.maskedPan ?? '622588******1234', scheme: card.scheme ?? 'UNIONPAY' },
      transactionId,
    );
  }
  qrScanned(transactionId: string, walletReference = 'wx-ref-0001') {
    return this.event('qr.scanned', { walletReference }, transactionId);
  }
  pinEntered(transactionId: string, result: PinResult = 'VERIFIED') {
    return this.event('pin.entered', { result }, transactionId);
  }
  methodSelected(transactionId: string, method: PaymentMethod) {
    return this.event('payment.method_selected', { method }, transactionId);
  }
  amountEntered(transactionId: string, amountMinor: string, currency = 'CNY') {
    return this.event('amount.entered', { amountMinor, currency }, transactionId);
  }
  authorizationRequested(transactionId: string) {
    return this.event('authorization.requested', {}, transactionId);
  }
  preAuthorizationRequested(transactionId: string) {
    return this.event('preauthorization.requested', {}, transactionId);
  }
  preAuthorizationCompleted(transactionId: string, amountMinor: string, currency = 'CNY') {
    return this.event('preauthorization.completed', { amountMinor, currency }, transactionId);
  }
  preAuthorizationCancelled(transactionId: string) {
    return this.event('preauthorization.cancelled', {}, transactionId);
  }
  approvedOffline(transactionId: string) {
    return this.event('authorization.approved_offline', {}, transactionId);
  }
  approved(transactionId: string, authCode = 'A12345', hostReference = 'H-0001') {
    return this.event('authorization.approved', { authCode, hostReference }, transactionId);
  }
  declined(transactionId: string, responseCode = '51', reason = 'insufficient funds') {
    return this.event('authorization.declined', { responseCode, reason }, transactionId);
  }
  timedOut(transactionId: string) {
    return this.event('authorization.timed_out', {}, transactionId);
  }
  signatureCaptured(transactionId: string) {
    return this.event('signature.captured', {}, transactionId);
  }
  receiptPrinted(transactionId: string, copy: ReceiptCopy) {
    return this.event('receipt.printed', { copy }, transactionId);
  }
  receiptEmailed(transactionId: string) {
    return this.event('receipt.emailed', {}, transactionId);
  }
  voided(transactionId: string, originalTransactionId: string, supervisorId?: string) {
    return this.event('transaction.voided', { originalTransactionId, ...(supervisorId === undefined ? {} : { supervisorId }) }, transactionId);
  }
  refundApproved(refundId: string, originalTransactionId: string, amountMinor: string, currency = 'CNY', supervisorId?: string) {
    return this.event('refund.approved', { originalTransactionId, amountMinor, currency, ...(supervisorId === undefined ? {} : { supervisorId }) }, refundId);
  }
  shiftOpened(operatorId: string, openingCashMinor: string, currency = 'CNY') {
    return this.event('shift.opened', { operatorId, openingCashMinor, currency });
  }
  shiftClosed(countedCashMinor: string, currency = 'CNY') {
    return this.event('shift.closed', { countedCashMinor, currency });
  }
  tipEntered(transactionId: string, tipMinor: string, currency = 'CNY') {
    return this.event('tip.entered', { tipMinor, currency }, transactionId);
  }
  cashReceived(transactionId: string, tenderedMinor: string, currency = 'CNY') {
    return this.event('cash.received', { tenderedMinor, currency }, transactionId);
  }
  settlementClosed(batchNumber: number, totals: SettlementTotalLine[] = []) {
    return this.event('settlement.closed', { batchNumber, totals });
  }

  /** The steps of a card sale before it goes to the host: card, PIN, method, amount. */
  cardSaleReady(transactionId: string, method: 'DEBIT' | 'CREDIT', amountMinor: string, pin: PinResult = 'VERIFIED', currency = 'CNY') {
    return [
      this.cardInserted(transactionId),
      this.pinEntered(transactionId, pin),
      this.methodSelected(transactionId, method),
      this.amountEntered(transactionId, amountMinor, currency),
    ];
  }

  /** The steps of a card sale up to the authorization request. */
  cardSaleRequested(transactionId: string, method: 'DEBIT' | 'CREDIT', amountMinor: string, pin: PinResult = 'VERIFIED', currency = 'CNY') {
    return [...this.cardSaleReady(transactionId, method, amountMinor, pin, currency), this.authorizationRequested(transactionId)];
  }

  /** The steps of a QR sale before it goes to the host: method, amount, scanned code. */
  qrSaleReady(transactionId: string, method: 'WECHAT_PAY' | 'ALIPAY', amountMinor: string, currency = 'CNY') {
    return [
      this.methodSelected(transactionId, method),
      this.amountEntered(transactionId, amountMinor, currency),
      this.qrScanned(transactionId, `${method.toLowerCase()}-${transactionId.slice(-4)}`),
    ];
  }

  /** The steps of a QR sale up to the authorization request. */
  qrSaleRequested(transactionId: string, method: 'WECHAT_PAY' | 'ALIPAY', amountMinor: string, currency = 'CNY') {
    return [...this.qrSaleReady(transactionId, method, amountMinor, currency), this.authorizationRequested(transactionId)];
  }

  /** The steps of a cash sale before the cash is handed over: method and amount. */
  cashSaleStarted(transactionId: string, amountMinor: string, currency = 'CNY') {
    return [this.methodSelected(transactionId, 'CASH'), this.amountEntered(transactionId, amountMinor, currency)];
  }
}

export interface RecordOptions {
  panMasked?: boolean;
  merchantId?: string;
  feeSchedule?: FeeSchedule;
  /** The merchant's operators; default none (any operator id signs in). */
  operators?: OperatorDirectory;
  /** Default: no supervisor limit. */
  supervisorAboveMinor?: string;
  /** Default: no offline sales. */
  offlineUpToMinor?: string;
  /** Default: DEFAULT_PRE_AUTHORIZATION_POLICY. */
  preAuthorization?: PreAuthorizationPolicy;
  /** Default: KEPT. */
  refundFees?: RefundFeePolicy;
  /** Default: the event's own occurredAt (a terminal online with the platform). */
  receivedAt?: string;
  policy?: SequencePolicy;
}

export function record(event: TerminalEvent, options: RecordOptions = {}): TerminalLedgerCommand {
  return {
    type: 'RecordTerminalEvent',
    data: {
      event,
      panMasked: options.panMasked ?? false,
      merchantId: options.merchantId ?? TEST_MERCHANT,
      feeSchedule: options.feeSchedule ?? DEFAULT_FEE_SCHEDULE,
      operators: options.operators ?? {},
      ...(options.supervisorAboveMinor === undefined ? {} : { supervisorAboveMinor: options.supervisorAboveMinor }),
      ...(options.offlineUpToMinor === undefined ? {} : { offlineUpToMinor: options.offlineUpToMinor }),
      ...(options.preAuthorization === undefined ? {} : { preAuthorization: options.preAuthorization }),
      ...(options.refundFees === undefined ? {} : { refundFees: options.refundFees }),
      receivedAt: options.receivedAt ?? event.occurredAt,
      policy: options.policy ?? DEFAULT_SEQUENCE_POLICY,
    },
  };
}

/** The cause fields every ledger event of this terminal event carries. */
export function causeOf(event: TerminalEvent, merchantId = TEST_MERCHANT): Cause {
  return { terminalEventId: event.eventId, terminalId: event.terminalId, merchantId };
}

export function recorded(event: TerminalEvent, panMasked = false): LedgerEvent {
  return { type: 'TerminalEventRecorded', data: { ...causeOf(event), event, panMasked } };
}

/** Feeds terminal events through decide + evolve, in the given order; returns every ledger event and the end state. */
export function replay(
  events: readonly TerminalEvent[],
  options: RecordOptions & { terminalId?: string } = {},
): { events: LedgerEvent[]; state: TerminalLedgerState } {
  let state = initialState(options.terminalId ?? events[0]?.terminalId ?? 't-1');
  const all: LedgerEvent[] = [];
  for (const event of events) {
    const decided = decide(record(event, options), state);
    all.push(...decided);
    state = decided.reduce(evolve, state);
  }
  return { events: all, state };
}

/** The ledger history of terminal events, as `given` of a specification. */
export function historyOf(...events: TerminalEvent[]): LedgerEvent[] {
  return replay(events).events;
}
