import { TerminalEvent } from '../terminal-events/terminal-event';
import { causeOf, DeciderSpecification, historyOf, record, recorded, TerminalScript, testUuid, tx } from '../testing';
import { OperatorDirectory } from '../registry/operators';
import { LedgerEvent } from './ledger-events';
import { RejectionCode, REJECTION_CODES } from './rejection-code';
import { terminalLedgerDecider } from './terminal-ledger.decider';

interface Case {
  given: TerminalEvent[];
  when: TerminalEvent;
  /** When the platform received `when`; default its own occurredAt. */
  receivedAt?: string;
  /** The merchant's operators; default none. */
  operators?: OperatorDirectory;
  supervisorAboveMinor?: string;
  offlineUpToMinor?: string;
}

const cashier = (active: boolean) => ({ 'op-1': { operatorId: 'op-1', name: '收银员一', role: 'CASHIER' as const, active } });

const ONE_DEBIT_LINE = [{ method: 'DEBIT' as const, count: 1, amountMinor: '1000', currency: 'CNY' }];

/** A signed-in terminal with an approved debit sale tx(1) of 1000 CNY minor units. */
function approvedSale(t: TerminalScript): TerminalEvent[] {
  return [t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '1000'), t.approved(tx(1))];
}

function settledSale(t: TerminalScript): TerminalEvent[] {
  return [...approvedSale(t), t.settlementClosed(1, ONE_DEBIT_LINE)];
}

const cases: Record<RejectionCode, (t: TerminalScript) => Case> = {
  OPERATOR_NOT_SIGNED_IN: (t) => ({ given: [], when: t.cardInserted(tx(1)) }),
  UNKNOWN_OPERATOR: (t) => ({ given: [], when: t.signedIn('op-9'), operators: cashier(true) }),
  OPERATOR_DISABLED: (t) => ({ given: [], when: t.signedIn('op-1'), operators: cashier(false) }),
  SUPERVISOR_REQUIRED: (t) => ({ given: approvedSale(t), when: t.voided(tx(2), tx(1)), supervisorAboveMinor: '999' }),
  TRANSACTION_NOT_OPEN: (t) => ({ given: approvedSale(t), when: t.amountEntered(tx(1), '2000') }),
  TRANSACTION_ALREADY_EXISTS: (t) => ({ given: approvedSale(t), when: t.cardInserted(tx(1)) }),
  AMOUNT_MISSING: (t) => ({
    given: [t.signedIn(), t.cardInserted(tx(1)), t.pinEntered(tx(1)), t.methodSelected(tx(1), 'DEBIT')],
    when: t.authorizationRequested(tx(1)),
  }),
  METHOD_MISSING: (t) => ({
    given: [t.signedIn(), t.cardInserted(tx(1)), t.amountEntered(tx(1), '100')],
    when: t.authorizationRequested(tx(1)),
  }),
  CARD_MISSING: (t) => ({
    given: [t.signedIn(), t.methodSelected(tx(1), 'CREDIT'), t.amountEntered(tx(1), '100')],
    when: t.authorizationRequested(tx(1)),
  }),
  QR_MISSING: (t) => ({
    given: [t.signedIn(), t.methodSelected(tx(1), 'ALIPAY'), t.amountEntered(tx(1), '100')],
    when: t.authorizationRequested(tx(1)),
  }),
  PIN_NOT_VERIFIED: (t) => {
    const given = [t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '100', 'BYPASSED')];
    const when = given.pop()!;
    return { given, when };
  },
  METHOD_MISMATCH: (t) => ({
    given: [t.signedIn(), t.qrScanned(tx(1)), t.methodSelected(tx(1), 'DEBIT'), t.amountEntered(tx(1), '100')],
    when: t.authorizationRequested(tx(1)),
  }),
  CASH_SHORT: (t) => ({ given: [t.signedIn(), ...t.cashSaleStarted(tx(1), '3500')], when: t.cashReceived(tx(1), '3000') }),
  TIP_NOT_APPLICABLE: (t) => ({ given: [t.signedIn(), ...t.qrSaleRequested(tx(1), 'ALIPAY', '100'), t.approved(tx(1))], when: t.tipEntered(tx(1), '10') }),
  TIP_ALREADY_ENTERED: (t) => ({ given: [...approvedSale(t), t.tipEntered(tx(1), '100')], when: t.tipEntered(tx(1), '50') }),
  APPROVAL_WITHOUT_REQUEST: (t) => ({
    given: [t.signedIn(), t.cardInserted(tx(1)), t.methodSelected(tx(1), 'CREDIT'), t.amountEntered(tx(1), '100')],
    when: t.approved(tx(1)),
  }),
  DECLINE_WITHOUT_REQUEST: (t) => ({ given: approvedSale(t), when: t.declined(tx(1)) }),
  TIMEOUT_WITHOUT_REQUEST: (t) => ({ given: [t.signedIn()], when: t.timedOut(tx(1)) }),
  OFFLINE_NOT_APPLICABLE: (t) => ({
    given: [t.signedIn(), ...t.qrSaleReady(tx(1), 'WECHAT_PAY', '100')],
    when: t.approvedOffline(tx(1)),
    offlineUpToMinor: '10000',
  }),
  PREAUTH_NOT_APPLICABLE: (t) => ({ given: [t.signedIn(), ...t.qrSaleReady(tx(1), 'ALIPAY', '100')], when: t.preAuthorizationRequested(tx(1)) }),
  HOLD_NOT_ACTIVE: (t) => ({
    given: [t.signedIn(), ...t.cardSaleReady(tx(1), 'CREDIT', '5000'), t.preAuthorizationRequested(tx(1)), t.approved(tx(1)), t.preAuthorizationCancelled(tx(1))],
    when: t.preAuthorizationCompleted(tx(1), '5000'),
  }),
  COMPLETION_EXCEEDS_HOLD: (t) => ({
    given: [t.signedIn(), ...t.cardSaleReady(tx(1), 'CREDIT', '5000'), t.preAuthorizationRequested(tx(1)), t.approved(tx(1))],
    when: t.preAuthorizationCompleted(tx(1), '5001'),
  }),
  OFFLINE_LIMIT_EXCEEDED: (t) => ({
    given: [t.signedIn(), ...t.cardSaleReady(tx(1), 'CREDIT', '10001')],
    when: t.approvedOffline(tx(1)),
    offlineUpToMinor: '10000',
  }),
  SIGNATURE_NOT_APPLICABLE: (t) => ({
    given: [t.signedIn(), ...t.qrSaleRequested(tx(1), 'WECHAT_PAY', '100'), t.approved(tx(1))],
    when: t.signatureCaptured(tx(1)),
  }),
  RECEIPT_BEFORE_OUTCOME: (t) => ({
    given: [t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '100')],
    when: t.receiptPrinted(tx(1), 'CUSTOMER'),
  }),
  UNKNOWN_TRANSACTION: (t) => ({ given: [t.signedIn()], when: t.voided(tx(2), tx(99)) }),
  VOID_AFTER_SETTLEMENT: (t) => ({ given: settledSale(t), when: t.voided(tx(2), tx(1)) }),
  VOID_AFTER_REFUND: (t) => ({
    given: [t.signedIn(), ...t.cashSaleStarted(tx(1), '3500'), t.cashReceived(tx(1), '5000'), t.refundApproved(tx(2), tx(1), '500')],
    when: t.voided(tx(3), tx(1)),
  }),
  VOID_NOT_APPROVED: (t) => ({
    given: [t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '100'), t.declined(tx(1))],
    when: t.voided(tx(2), tx(1)),
  }),
  ALREADY_VOIDED: (t) => ({ given: [...approvedSale(t), t.voided(tx(2), tx(1))], when: t.voided(tx(3), tx(1)) }),
  REFUND_BEFORE_SETTLEMENT: (t) => ({ given: approvedSale(t), when: t.refundApproved(tx(2), tx(1), '100') }),
  REFUND_NOT_CAPTURED: (t) => ({
    given: [t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '100'), t.timedOut(tx(1))],
    when: t.refundApproved(tx(2), tx(1), '100'),
  }),
  REFUND_EXCEEDS_CAPTURED: (t) => ({ given: settledSale(t), when: t.refundApproved(tx(2), tx(1), '1001') }),
  CURRENCY_MISMATCH: (t) => ({ given: settledSale(t), when: t.refundApproved(tx(2), tx(1), '100', 'USD') }),
  BATCH_ALREADY_CLOSED: (t) => ({ given: settledSale(t), when: t.settlementClosed(1, []) }),
  SEQUENCE_REUSED: () => ({ given: [], when: undefined as never }),
  SHIFT_ALREADY_OPEN: (t) => ({ given: [t.signedIn(), t.shiftOpened('op-1', '10000')], when: t.shiftOpened('op-1', '10000') }),
  SHIFT_NOT_OPEN: (t) => ({ given: [t.signedIn()], when: t.shiftClosed('10000') }),
  OCCURRED_AT_OUT_OF_WINDOW: (t) => {
    const when = t.signedIn();
    return { given: [], when, receivedAt: new Date(Date.parse(when.occurredAt) + 36 * 24 * 3600_000).toISOString() };
  },
};

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));

function rejected(event: TerminalEvent, code: RejectionCode): LedgerEvent {
  return {
    type: 'TerminalEventRejected',
    data: {
      ...causeOf(event),
      eventId: event.eventId,
      sequence: event.sequence,
      eventType: event.type,
      ...(event.transactionId !== undefined ? { transactionId: event.transactionId } : {}),
      ...('originalTransactionId' in event.payload ? { originalTransactionId: event.payload.originalTransactionId } : {}),
      code,
      reason: expect.any(String),
    },
  };
}

describe('invariant 4: invalid transitions are rejected with a recorded reason', () => {
  it('every rejection code has a spec here', () => {
    expect(Object.keys(cases).sort()).toEqual([...REJECTION_CODES].sort());
  });

  it.each(REJECTION_CODES.filter((code) => code !== 'SEQUENCE_REUSED'))(
    '%s: the event is recorded, then rejected with its code and a reason',
    (code) => {
      const { given, when, receivedAt, operators, supervisorAboveMinor, offlineUpToMinor } = cases[code](new TerminalScript());
      spec().given(historyOf(...given)).when(record(when, { receivedAt, operators, supervisorAboveMinor, offlineUpToMinor })).then([recorded(when), rejected(when, code)]);
    },
  );

  it('SEQUENCE_REUSED: a new eventId with a sequence already consumed is rejected, and not recorded', () => {
    const t = new TerminalScript();
    const first = t.signedIn('op-1');
    const impostor = { ...first, eventId: testUuid(0x5eed, 1), payload: { operatorId: 'op-2' } };

    spec().given(historyOf(first)).when(record(impostor)).then([rejected(impostor, 'SEQUENCE_REUSED')]);
  });

  it('SEQUENCE_REUSED: also for a new eventId taking the sequence of a parked event', () => {
    const t = new TerminalScript();
    t.signedIn();
    const parked = t.signedOut();
    const impostor = { ...parked, eventId: testUuid(0x5eed, 2) };

    const given = historyOf(parked);
    expect(given.map((e) => e.type)).toEqual(['TerminalEventParked']);
    spec().given(given).when(record(impostor)).then([rejected(impostor, 'SEQUENCE_REUSED')]);
  });

  it('a rejected event still consumes its sequence: the next event is processed', () => {
    const t = new TerminalScript();
    const refused = t.cardInserted(tx(1));
    const next = t.signedIn();
    const { events } = spec().given(historyOf(refused)).when(record(next)).thenResult();
    expect(events.map((e) => e.type)).toEqual(['TerminalEventRecorded', 'OperatorSignedIn']);
  });

  it("a void names a transaction of the same terminal: another terminal's sale is UNKNOWN_TRANSACTION", () => {
    const other = new TerminalScript('t-2');
    expect(historyOf(...approvedSale(other)).some((e) => e.type === 'SaleApproved')).toBe(true);

    const t = new TerminalScript('t-1');
    const given = historyOf(t.signedIn());
    const voiding = t.voided(tx(5), tx(1));
    spec().given(given).when(record(voiding)).then([recorded(voiding), rejected(voiding, 'UNKNOWN_TRANSACTION')]);
  });
});
