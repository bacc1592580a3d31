import { DeciderSpecification, causeOf, historyOf, record, recorded, TerminalScript, tx } from '../testing';
import { SettledSale, TotalsLine } from './ledger-events';
import { terminalLedgerDecider } from './terminal-ledger.decider';

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));

describe('terminal ledger: the flows of a counter', () => {
  it('chip + PIN debit sale: approved, joins the open batch', () => {
    const t = new TerminalScript();
    const given = historyOf(t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '12800'));
    const approval = t.approved(tx(1), 'A00001', 'H-1');

    spec()
      .given(given)
      .when(record(approval))
      .then([
        recorded(approval),
        {
          type: 'SaleApproved',
          data: {
            ...causeOf(approval),
            transactionId: tx(1),
            amount: { currency: 'CNY', minor: '12800' },
            method: 'DEBIT',
            scheme: 'UNIONPAY',
            entryMode: 'CHIP',
            maskedPan: '622588******1234',
            authCode: 'A00001',
            hostReference: 'H-1',
            operatorId: 'op-1',
            occurredAt: approval.occurredAt,
          },
        },
      ]);
  });

  it('the authorization request of a debit sale records the amount, method and scheme', () => {
    const t = new TerminalScript();
    const steps = [t.signedIn(), ...t.cardSaleRequested(tx(1), 'DEBIT', '500')];
    const request = steps.pop()!;

    spec()
      .given(historyOf(...steps))
      .when(record(request))
      .then([
        recorded(request),
        {
          type: 'AuthorizationRequested',
          data: {
            ...causeOf(request),
            transactionId: tx(1),
            amount: { currency: 'CNY', minor: '500' },
            method: 'DEBIT',
            scheme: 'UNIONPAY',
            occurredAt: request.occurredAt,
          },
        },
      ]);
  });

  it('credit sale with the PIN bypassed, approved, then the signature is captured', () => {
    const t = new TerminalScript();
    const given = historyOf(t.signedIn(), ...t.cardSaleRequested(tx(2), 'CREDIT', '9900', 'BYPASSED'), t.approved(tx(2)));
    const signature = t.signatureCaptured(tx(2));

    spec()
      .given(given)
      .when(record(signature))
      .then([recorded(signature), { type: 'SignatureCaptured', data: { ...causeOf(signature), transactionId: tx(2) } }]);
  });

  it.each(['WECHAT_PAY', 'ALIPAY'] as const)('%s QR sale: approved with scheme NONE and the wallet reference', (method) => {
    const t = new TerminalScript();
    const given = historyOf(t.signedIn(), ...t.qrSaleRequested(tx(3), method, '3650'));
    const approval = t.approved(tx(3), 'QR0001', 'HQ-1');

    spec()
      .given(given)
      .when(record(approval))
      .then([
        recorded(approval),
        {
          type: 'SaleApproved',
          data: {
            ...causeOf(approval),
            transactionId: tx(3),
            amount: { currency: 'CNY', minor: '3650' },
            method,
            scheme: 'NONE',
            walletReference: `${method.toLowerCase()}-${tx(3).slice(-4)}`,
            authCode: 'QR0001',
            hostReference: 'HQ-1',
            operatorId: 'op-1',
            occurredAt: approval.occurredAt,
          },
        },
      ]);
  });

  it('declined sale: SaleDeclined with the host response, nothing joins the batch', () => {
    const t = new TerminalScript();
    const given = historyOf(t.signedIn(), ...t.cardSaleRequested(tx(4), 'DEBIT', '100000'));
    const decline = t.declined(tx(4), '51', 'insufficient funds');

    const { events, state } = spec().given(given).when(record(decline)).thenResult();
    expect(events).toEqual([
      recorded(decline),
      {
        type: 'SaleDeclined',
        data: {
          ...causeOf(decline),
          transactionId: tx(4),
          amount: { currency: 'CNY', minor: '100000' },
          method: 'DEBIT',
          scheme: 'UNIONPAY',
          responseCode: '51',
          reason: 'insufficient funds',
          occurredAt: decline.occurredAt,
        },
      },
    ]);
    expect(state.openBatch).toEqual([]);
  });

  it('authorization timeout: the authorization is reversed', () => {
    const t = new TerminalScript();
    const given = historyOf(t.signedIn(), ...t.cardSaleRequested(tx(5), 'CREDIT', '2000', 'BYPASSED'));
    const timeout = t.timedOut(tx(5));

    spec()
      .given(given)
      .when(record(timeout))
      .then([
        recorded(timeout),
        {
          type: 'AuthorizationReversed',
          data: {
            ...causeOf(timeout),
            transactionId: tx(5),
            amount: { currency: 'CNY', minor: '2000' },
            method: 'CREDIT',
            scheme: 'UNIONPAY',
            occurredAt: timeout.occurredAt,
          },
        },
      ]);
  });

  it('void in the open batch: SaleVoided, the sale leaves the batch', () => {
    const t = new TerminalScript();
    const sale = [t.signedIn(), ...t.cardSaleRequested(tx(6), 'DEBIT', '4200')];
    const approval = t.approved(tx(6));
    const given = historyOf(...sale, approval);
    const voiding = t.voided(tx(60), tx(6));

    const { events, state } = spec().given(given).when(record(voiding)).thenResult();
    expect(events).toEqual([
      recorded(voiding),
      {
        type: 'SaleVoided',
        data: {
          ...causeOf(voiding),
          transactionId: tx(6),
          amount: { currency: 'CNY', minor: '4200' },
          method: 'DEBIT',
          scheme: 'UNIONPAY',
          saleOccurredAt: approval.occurredAt,
          occurredAt: voiding.occurredAt,
          operatorId: 'op-1',
        },
      },
    ]);
    expect(state.openBatch).toEqual([]);
  });

  describe('refund after settlement', () => {
    const t = new TerminalScript();
    const sale = [t.signedIn(), ...t.cardSaleRequested(tx(7), 'DEBIT', '10000')];
    const approval = t.approved(tx(7));
    const given = historyOf(
      ...sale,
      approval,
      t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '10000', currency: 'CNY' }]),
    );

    it('partial refund: RefundApproved for the amount refunded', () => {
      const partial = t.fork().refundApproved(tx(70), tx(7), '2500');

      spec()
        .given(given)
        .when(record(partial))
        .then([
          recorded(partial),
          {
            type: 'RefundApproved',
            data: {
              ...causeOf(partial),
              refundId: tx(70),
              originalTransactionId: tx(7),
              amount: { currency: 'CNY', minor: '2500' },
              method: 'DEBIT',
              scheme: 'UNIONPAY',
              saleOccurredAt: approval.occurredAt,
              occurredAt: partial.occurredAt,
              operatorId: 'op-1',
            },
          },
        ]);
    });

    it('invariant 4: a refund over the captured amount is rejected with REFUND_EXCEEDS_CAPTURED', () => {
      const next = t.fork();
      const first = next.refundApproved(tx(71), tx(7), '6000');
      const second = next.refundApproved(tx(72), tx(7), '4001');

      const { events } = spec()
        .given(given)
        .when(record(first))
        .thenResult();
      expect(events.map((e) => e.type)).toEqual(['TerminalEventRecorded', 'RefundApproved']);

      spec()
        .given([...given, ...events])
        .when(record(second))
        .then([
          recorded(second),
          {
            type: 'TerminalEventRejected',
            data: {
              ...causeOf(second),
              eventId: second.eventId,
              sequence: second.sequence,
              eventType: 'refund.approved',
              transactionId: tx(72),
              originalTransactionId: tx(7),
              code: 'REFUND_EXCEEDS_CAPTURED',
              reason: 'refund of 4001 exceeds the 4000 CNY minor units still refundable',
            },
          },
        ]);
    });
  });

  it('receipts: printed for the merchant and the customer, emailed, and a reprint', () => {
    const t = new TerminalScript();
    const steps = [t.signedIn(), ...t.cardSaleRequested(tx(8), 'DEBIT', '1000'), t.approved(tx(8))];
    const merchantCopy = t.receiptPrinted(tx(8), 'MERCHANT');
    const customerCopy = t.receiptPrinted(tx(8), 'CUSTOMER');
    const emailed = t.receiptEmailed(tx(8));
    const reprint = t.receiptPrinted(tx(8), 'CUSTOMER');

    const given = historyOf(...steps, merchantCopy, customerCopy, emailed);
    expect(given.filter((e) => e.type === 'ReceiptIssued').map((e) => e.data)).toEqual([
      { ...causeOf(merchantCopy), transactionId: tx(8), channel: 'PRINTED_MERCHANT', reprint: false },
      { ...causeOf(customerCopy), transactionId: tx(8), channel: 'PRINTED_CUSTOMER', reprint: false },
      { ...causeOf(emailed), transactionId: tx(8), channel: 'EMAILED', reprint: false },
    ]);
    spec()
      .given(given)
      .when(record(reprint))
      .then([
        recorded(reprint),
        { type: 'ReceiptIssued', data: { ...causeOf(reprint), transactionId: tx(8), channel: 'PRINTED_CUSTOMER', reprint: true } },
      ]);
  });

  describe('settlement', () => {
    const t = new TerminalScript();
    const approvals: ReturnType<TerminalScript['approved']>[] = [];
    const approve = (id: string) => {
      const approval = t.approved(id);
      approvals.push(approval);
      return approval;
    };
    const sales = [
      t.signedIn(),
      ...t.cardSaleRequested(tx(11), 'DEBIT', '10000'),
      approve(tx(11)),
      ...t.cardSaleRequested(tx(12), 'CREDIT', '20001', 'BYPASSED'),
      approve(tx(12)),
      ...t.qrSaleRequested(tx(13), 'ALIPAY', '5000'),
      approve(tx(13)),
      ...t.qrSaleRequested(tx(14), 'WECHAT_PAY', '777'),
      approve(tx(14)),
      t.voided(tx(140), tx(14)),
    ];
    const given = historyOf(...sales);

    const ledgerTotals: TotalsLine[] = [
      { method: 'ALIPAY', currency: 'CNY', count: 1, minor: '5000' },
      { method: 'CREDIT', currency: 'CNY', count: 1, minor: '20001' },
      { method: 'DEBIT', currency: 'CNY', count: 1, minor: '10000' },
    ];
    const settledSales: SettledSale[] = [
      { transactionId: tx(11), method: 'DEBIT', scheme: 'UNIONPAY', amount: { currency: 'CNY', minor: '10000' }, fee: { currency: 'CNY', minor: '50' }, occurredAt: approvals[0].occurredAt },
      { transactionId: tx(12), method: 'CREDIT', scheme: 'UNIONPAY', amount: { currency: 'CNY', minor: '20001' }, fee: { currency: 'CNY', minor: '360' }, occurredAt: approvals[1].occurredAt },
      { transactionId: tx(13), method: 'ALIPAY', scheme: 'NONE', amount: { currency: 'CNY', minor: '5000' }, fee: { currency: 'CNY', minor: '30' }, occurredAt: approvals[2].occurredAt },
    ];

    it('MATCHED: the terminal totals equal the ledger totals of approved, not voided sales; fees per sale', () => {
      const closing = t.fork();
      const close = closing.settlementClosed(1, [
        { method: 'DEBIT', count: 1, amountMinor: '10000', currency: 'CNY' },
        { method: 'CREDIT', count: 1, amountMinor: '20001', currency: 'CNY' },
        { method: 'ALIPAY', count: 1, amountMinor: '5000', currency: 'CNY' },
      ]);

      spec()
        .given(given)
        .when(record(close))
        .then([
          recorded(close),
          {
            type: 'BatchClosed',
            data: {
              ...causeOf(close),
              batchNumber: 1,
              closedAt: close.occurredAt,
              terminalTotals: ledgerTotals,
              ledgerTotals,
              status: 'MATCHED',
              differences: [],
              sales: settledSales,
              fees: [{ currency: 'CNY', minor: '440' }],
            },
          },
        ]);
    });

    it('MISMATCH: differences per method, terminal minus ledger, non-zero only', () => {
      const closing = t.fork();
      const close = closing.settlementClosed(1, [
        { method: 'DEBIT', count: 1, amountMinor: '10000', currency: 'CNY' },
        { method: 'CREDIT', count: 2, amountMinor: '25001', currency: 'CNY' },
        { method: 'WECHAT_PAY', count: 1, amountMinor: '777', currency: 'CNY' },
      ]);

      const { events } = spec().given(given).when(record(close)).thenResult();
      const closed = events[1];
      expect(closed.type).toBe('BatchClosed');
      expect(closed.data).toMatchObject({
        status: 'MISMATCH',
        differences: [
          { method: 'ALIPAY', currency: 'CNY', countDifference: -1, minorDifference: '-5000' },
          { method: 'CREDIT', currency: 'CNY', countDifference: 1, minorDifference: '5000' },
          { method: 'WECHAT_PAY', currency: 'CNY', countDifference: 1, minorDifference: '777' },
        ],
        ledgerTotals,
      });
    });

    it('an empty batch closes too', () => {
      const t2 = new TerminalScript();
      const close = t2.settlementClosed(1, []);
      spec()
        .given([])
        .when(record(close))
        .then([
          recorded(close),
          {
            type: 'BatchClosed',
            data: {
              ...causeOf(close),
              batchNumber: 1,
              closedAt: close.occurredAt,
              terminalTotals: [],
              ledgerTotals: [],
              status: 'MATCHED',
              differences: [],
              sales: [],
              fees: [],
            },
          },
        ]);
    });
  });
});
