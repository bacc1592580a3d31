import fc from 'fast-check';
import { causeOf, DeciderSpecification, historyOf, ledgerDataOf, record, recorded, rejectionCodes, replay, TerminalScript, tx } from '../testing';
import { money } from '../values/money';
import { balanceFromPostings } from './balance';
import { assertBalanced, postingsFor } from './postings';
import { terminalLedgerDecider } from './terminal-ledger.decider';
import { saleOf } from './terminal-ledger.state';

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));
const offlineUpToMinor = '10000';

const cnyBalance = (events: Parameters<typeof postingsFor>[0][]) => balanceFromPostings(events.flatMap(postingsFor)).find((b) => b.currency === 'CNY');

describe('offline sales (store-and-forward)', () => {
  it('given an OPEN credit sale of 8000 and an offline limit of 10000, when the terminal approves it offline, then the sale is approved, offline, without a host answer', () => {
    const t = new TerminalScript();
    const given = historyOf(t.signedIn('op-1'), ...t.cardSaleReady(tx(1), 'CREDIT', '8000'));
    const offline = t.approvedOffline(tx(1));
    spec()
      .given(given)
      .when(record(offline, { offlineUpToMinor }))
      .then([recorded(offline), {
        type: 'SaleApproved',
        data: {
          ...causeOf(offline),
          transactionId: tx(1),
          amount: { currency: 'CNY', minor: '8000' },
          method: 'CREDIT',
          scheme: 'UNIONPAY',
          entryMode: 'CHIP',
          maskedPan: '622588******1234',
          operatorId: 'op-1',
          offline: true,
          occurredAt: offline.occurredAt,
        },
      }]);
  });

  it('refuses an offline approval above the limit (the tip counts), for a merchant without offline sales, and for QR; a refused sale stays OPEN and goes online', () => {
    const t = new TerminalScript();
    const history = [
      t.signedIn(),
      t.tipEntered(tx(1), '1500'), ...t.cardSaleReady(tx(1), 'CREDIT', '9000'), t.approvedOffline(tx(1)),
      ...t.qrSaleReady(tx(2), 'ALIPAY', '100'), t.approvedOffline(tx(2)),
      t.authorizationRequested(tx(1)), t.approved(tx(1)),
    ];
    const { events } = replay(history, { offlineUpToMinor });
    expect(rejectionCodes(events)).toEqual(['OFFLINE_LIMIT_EXCEEDED', 'OFFLINE_NOT_APPLICABLE']);
    expect(ledgerDataOf(events, 'SaleApproved')).toEqual([expect.objectContaining({ transactionId: tx(1), authCode: 'A12345', tip: { currency: 'CNY', minor: '1500' } })]);
    expect(ledgerDataOf(events, 'SaleApproved')[0]).not.toHaveProperty('offline');

    const u = new TerminalScript();
    const withoutLimit = replay([u.signedIn(), ...u.cardSaleReady(tx(1), 'DEBIT', '1'), u.approvedOffline(tx(1))]);
    expect(rejectionCodes(withoutLimit.events)).toEqual(['OFFLINE_LIMIT_EXCEEDED']);
  });

  it('joins the batch like any sale; the host approves it when forwarded (OfflineSaleConfirmed, no money moves), and no second answer is taken', () => {
    const t = new TerminalScript();
    const { events, state } = replay([
      t.signedIn(), ...t.cardSaleReady(tx(1), 'DEBIT', '2000'), t.approvedOffline(tx(1)),
      t.approved(tx(1), 'B77', 'H-9'),
      t.declined(tx(1)),
      t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '2000', currency: 'CNY' }]),
    ], { offlineUpToMinor });
    expect(ledgerDataOf(events, 'OfflineSaleConfirmed')).toEqual([expect.objectContaining({ transactionId: tx(1), authCode: 'B77', hostReference: 'H-9' })]);
    expect(events.filter((e) => e.type === 'OfflineSaleConfirmed').flatMap(postingsFor)).toEqual([]);
    expect(rejectionCodes(events)).toEqual(['DECLINE_WITHOUT_REQUEST']);
    expect(ledgerDataOf(events, 'BatchClosed')[0]).toMatchObject({ status: 'MATCHED', sales: [expect.objectContaining({ transactionId: tx(1) })] });
    expect(saleOf(state, tx(1))).toMatchObject({ status: 'SETTLED', offline: 'CONFIRMED' });
  });

  it('declined by the host before its batch closes: the merchant loses the sale and its tip from pending, and the batch leaves it out', () => {
    const t = new TerminalScript();
    const { events, state } = replay([
      t.signedIn(), ...t.cardSaleReady(tx(1), 'CREDIT', '3000'), t.approvedOffline(tx(1)), t.tipEntered(tx(1), '300'),
      ...t.cardSaleRequested(tx(2), 'DEBIT', '1000'), t.approved(tx(2)),
      t.declined(tx(1), '05', 'do not honour'),
      t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '1000', currency: 'CNY' }]),
      t.voided(tx(3), tx(1)),
    ], { offlineUpToMinor });
    expect(ledgerDataOf(events, 'OfflineSaleDeclined')).toEqual([expect.objectContaining({
      transactionId: tx(1), amount: { currency: 'CNY', minor: '3300' }, settled: false, responseCode: '05', reason: 'do not honour',
    })]);
    expect(ledgerDataOf(events, 'BatchClosed')[0]).toMatchObject({ status: 'MATCHED', sales: [expect.objectContaining({ transactionId: tx(2) })] });
    expect(rejectionCodes(events)).toEqual(['VOID_NOT_APPROVED']);
    expect(saleOf(state, tx(1))?.status).toBe('OFFLINE_DECLINED');
    expect(cnyBalance(events)).toMatchObject({ pending: money(0n, 'CNY'), settled: money(1000n, 'CNY') });
  });

  it('declined after its batch closed and part of it was refunded: what is left of it is taken from settled', () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn(), ...t.cardSaleReady(tx(1), 'CREDIT', '5000'), t.approvedOffline(tx(1)),
      t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor: '5000', currency: 'CNY' }]),
      t.refundApproved(tx(2), tx(1), '1200'),
      t.declined(tx(1)),
      t.refundApproved(tx(3), tx(1), '1'),
    ], { offlineUpToMinor });
    const [declined] = ledgerDataOf(events, 'OfflineSaleDeclined');
    expect(declined).toMatchObject({ amount: { currency: 'CNY', minor: '3800' }, settled: true });
    expect(rejectionCodes(events)).toEqual(['REFUND_NOT_CAPTURED']);
    // 5000 settled, less the 1200 refunded and the 3800 declined: only the fee the acquirer kept remains charged.
    expect(cnyBalance(events)).toMatchObject({ pending: money(0n, 'CNY'), settled: money(0n, 'CNY'), fees: money(90n, 'CNY') });
  });

  it('property: for any amount within the limit, declined at any point, the postings balance and the merchant is owed exactly the other sales', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000n }),
        fc.bigInt({ min: 1n, max: 10_000n }),
        fc.constantFrom('BEFORE_CLOSE', 'AFTER_CLOSE'),
        (offlineMinor, otherMinor, when) => {
          const t = new TerminalScript();
          const signedIn = t.signedIn();
          const sale = [...t.cardSaleReady(tx(1), 'DEBIT', offlineMinor.toString()), t.approvedOffline(tx(1)), ...t.cardSaleRequested(tx(2), 'CREDIT', otherMinor.toString()), t.approved(tx(2))];
          const close = t.settlementClosed(1, []);
          const declined = t.declined(tx(1));
          const history = [signedIn, ...sale, ...(when === 'BEFORE_CLOSE' ? [declined, close] : [close, declined])];
          // The script numbers events as they are made: sent in another order, they are put back in sequence.
          history.sort((a, b) => a.sequence - b.sequence);
          const { events } = replay(history, { offlineUpToMinor });
          assertBalanced(events.flatMap(postingsFor));
          const balance = cnyBalance(events);
          expect((balance?.pending.amountMinor ?? 0n) + (balance?.settled.amountMinor ?? 0n)).toBe(otherMinor);
        },
      ),
      { numRuns: 200 },
    );
  });
});
