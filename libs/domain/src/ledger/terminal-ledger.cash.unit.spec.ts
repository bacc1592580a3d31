import fc from 'fast-check';
import { causeOf, DeciderSpecification, historyOf, ledgerDataOf, record, recorded, rejectionCodes, replay, TerminalScript, tx } from '../testing';
import { terminalHistory } from '../testing/terminal-history.arbitraries';
import { money } from '../values/money';
import { balanceFromPostings } from './balance';
import { assertBalanced, postingsFor } from './postings';
import { terminalLedgerDecider } from './terminal-ledger.decider';

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));

describe('cash sales (现金)', () => {
  it('given an OPEN cash sale of 3500, when 5000 is handed over, then the sale is approved with 1500 change and no host', () => {
    const t = new TerminalScript();
    const given = historyOf(t.signedIn('op-1'), ...t.cashSaleStarted(tx(1), '3500'));
    const received = t.cashReceived(tx(1), '5000');
    spec()
      .given(given)
      .when(record(received))
      .then([recorded(received), {
        type: 'SaleApproved',
        data: {
          ...causeOf(received),
          transactionId: tx(1),
          amount: { currency: 'CNY', minor: '3500' },
          method: 'CASH',
          scheme: 'NONE',
          operatorId: 'op-1',
          cash: { tendered: { currency: 'CNY', minor: '5000' }, change: { currency: 'CNY', minor: '1500' } },
          occurredAt: received.occurredAt,
        },
      }]);
  });

  it('refuses too little cash, cash for a card sale, cash in another currency, cash before an amount, and a cash sale sent to the host', () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn(),
      ...t.cashSaleStarted(tx(1), '3500'), t.cashReceived(tx(1), '3499'),
      t.cardInserted(tx(2)), t.methodSelected(tx(2), 'DEBIT'), t.amountEntered(tx(2), '100'), t.cashReceived(tx(2), '100'),
      ...t.cashSaleStarted(tx(3), '100', 'CNY'), t.cashReceived(tx(3), '100', 'USD'),
      t.methodSelected(tx(4), 'CASH'), t.cashReceived(tx(4), '100'),
      ...t.cashSaleStarted(tx(5), '100'), t.authorizationRequested(tx(5)),
    ]);
    expect(rejectionCodes(events)).toEqual(['CASH_SHORT', 'METHOD_MISMATCH', 'CURRENCY_MISMATCH', 'AMOUNT_MISSING', 'METHOD_MISMATCH']);
    expect(ledgerDataOf(events, 'SaleApproved')).toEqual([]);
  });

  it('keeps cash out of the batch: the close settles the card sale only, and the cash sale can still be voided', () => {
    const t = new TerminalScript();
    const { events, state } = replay([
      t.signedIn(),
      ...t.cashSaleStarted(tx(1), '2000'), t.cashReceived(tx(1), '2000'),
      ...t.cardSaleRequested(tx(2), 'DEBIT', '1000'), t.approved(tx(2)),
      t.settlementClosed(1, [{ method: 'DEBIT', count: 1, amountMinor: '1000', currency: 'CNY' }]),
      t.voided(tx(3), tx(1)),
    ]);
    const [batch] = ledgerDataOf(events, 'BatchClosed');
    expect(batch).toMatchObject({ status: 'MATCHED', sales: [expect.objectContaining({ transactionId: tx(2) })], fees: [{ currency: 'CNY', minor: '5' }] });
    expect(ledgerDataOf(events, 'SaleVoided')).toEqual([expect.objectContaining({ transactionId: tx(1), method: 'CASH' })]);
    expect(rejectionCodes(events)).toEqual([]);
    expect(state.openBatch).toEqual([]);
  });

  it('refunds a cash sale from the drawer without settlement, and then refuses its void', () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn(),
      ...t.cashSaleStarted(tx(1), '2000'), t.cashReceived(tx(1), '2000'),
      t.refundApproved(tx(2), tx(1), '500'),
      t.refundApproved(tx(3), tx(1), '1501'),
      t.voided(tx(4), tx(1)),
    ]);
    expect(ledgerDataOf(events, 'RefundApproved')).toEqual([expect.objectContaining({ refundId: tx(2), method: 'CASH', amount: { currency: 'CNY', minor: '500' } })]);
    expect(rejectionCodes(events)).toEqual(['REFUND_EXCEEDS_CAPTURED', 'VOID_AFTER_REFUND']);
  });

  it('posts cash to the drawer, never to what the acquirer owes: pending, settled and available do not move', () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn(),
      ...t.cashSaleStarted(tx(1), '2000'), t.cashReceived(tx(1), '5000'),
      ...t.cashSaleStarted(tx(2), '700'), t.cashReceived(tx(2), '700'),
      t.voided(tx(3), tx(2)),
      t.refundApproved(tx(4), tx(1), '300'),
      t.settlementClosed(1, []),
    ]);
    const postings = events.flatMap(postingsFor);
    assertBalanced(postings);
    expect(new Set(postings.map((p) => p.account))).toEqual(new Set(['merchant:cash-drawer', 'merchant:cash-sales']));
    expect(balanceFromPostings(postings)).toEqual([
      { currency: 'CNY', pending: money(0n, 'CNY'), settled: money(0n, 'CNY'), fees: money(0n, 'CNY'), available: money(0n, 'CNY'), held: money(0n, 'CNY'), cash: money(1700n, 'CNY') },
    ]);
  });

  it("counts the shift's cash into the drawer it expects: opening cash, plus cash sales, less cash voids and refunds", () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn('op-1'),
      t.shiftOpened('op-1', '50000'),
      ...t.cashSaleStarted(tx(1), '2000'), t.cashReceived(tx(1), '10000'),
      ...t.cashSaleStarted(tx(2), '700'), t.cashReceived(tx(2), '1000'),
      ...t.qrSaleRequested(tx(3), 'ALIPAY', '900'), t.approved(tx(3)),
      t.voided(tx(4), tx(2)),
      t.refundApproved(tx(5), tx(1), '300'),
      t.shiftClosed('51600'),
    ]);
    expect(ledgerDataOf(events, 'ShiftClosed')).toEqual([expect.objectContaining({
      expectedCash: { currency: 'CNY', minor: '51700' },
      countedCash: { currency: 'CNY', minor: '51600' },
      overShort: { currency: 'CNY', minor: '-100' },
      sales: [
        { method: 'ALIPAY', currency: 'CNY', count: 1, minor: '900' },
        { method: 'CASH', currency: 'CNY', count: 2, minor: '2700' },
      ],
    })]);
  });

  it('property: cash never reaches a batch, a fee or what the merchant is owed', () => {
    fc.assert(
      fc.property(terminalHistory(), (history) => {
        const { events } = replay(history);
        const cashSales = new Set(events.flatMap((e) => (e.type === 'SaleApproved' && e.data.method === 'CASH' ? [e.data.transactionId] : [])));
        const settledIds = events.flatMap((e) => (e.type === 'BatchClosed' ? e.data.sales.map((sale) => sale.transactionId) : []));
        expect(settledIds.filter((id) => cashSales.has(id))).toEqual([]);
        const cashEvents = events.filter((e) => (e.type === 'SaleApproved' || e.type === 'SaleVoided' || e.type === 'RefundApproved') && e.data.method === 'CASH');
        for (const posting of cashEvents.flatMap(postingsFor)) expect(posting.account.startsWith('merchant:cash-')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
