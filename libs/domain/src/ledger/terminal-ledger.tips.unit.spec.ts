import fc from 'fast-check';
import { GENERATED_OFFLINE_LIMIT_MINOR, terminalHistory } from '../testing/terminal-history.arbitraries';
import { causeOf, DeciderSpecification, historyOf, ledgerDataOf, record, recorded, rejectionCodes, replay, TerminalScript, tx } from '../testing';
import { money } from '../values/money';
import { balanceFromPostings } from './balance';
import { assertBalanced, postingsFor } from './postings';
import { terminalLedgerDecider } from './terminal-ledger.decider';

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));
const cny = (minor: string) => ({ currency: 'CNY', minor });

describe('tips (gratuity) on card sales', () => {
  it('given a tip entered before authorisation, when the sale is requested, then the host is asked for the amount and the tip', () => {
    const t = new TerminalScript();
    const steps = [t.signedIn(), t.tipEntered(tx(1), '1500'), ...t.cardSaleRequested(tx(1), 'CREDIT', '10000')];
    const request = steps.pop()!;
    spec()
      .given(historyOf(...steps))
      .when(record(request))
      .then([recorded(request), {
        type: 'AuthorizationRequested',
        data: { ...causeOf(request), transactionId: tx(1), amount: cny('10000'), tip: cny('1500'), method: 'CREDIT', scheme: 'UNIONPAY', occurredAt: request.occurredAt },
      }]);
  });

  it('given an approved card sale, when a tip is entered, then it is adjusted once: a second is refused', () => {
    const t = new TerminalScript();
    const history = [t.signedIn('op-2'), ...t.cardSaleRequested(tx(1), 'DEBIT', '10000'), t.approved(tx(1))];
    const tip = t.tipEntered(tx(1), '800');
    spec()
      .given(historyOf(...history))
      .when(record(tip))
      .then([recorded(tip), {
        type: 'TipAdjusted',
        data: { ...causeOf(tip), transactionId: tx(1), tip: cny('800'), method: 'DEBIT', scheme: 'UNIONPAY', saleOccurredAt: expect.any(String), occurredAt: tip.occurredAt, operatorId: 'op-2' },
      }]);
    expect(rejectionCodes(replay([...history, tip, t.tipEntered(tx(1), '100')]).events)).toEqual(['TIP_ALREADY_ENTERED']);
  });

  it('settles what each sale captured, tips included, with the fee on both: the terminal totals with tips match', () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn(),
      t.tipEntered(tx(1), '1500'), ...t.cardSaleRequested(tx(1), 'CREDIT', '10000'), t.approved(tx(1)),
      ...t.cardSaleRequested(tx(2), 'CREDIT', '5000'), t.approved(tx(2)), t.tipEntered(tx(2), '500'),
      t.settlementClosed(1, [{ method: 'CREDIT', count: 2, amountMinor: '17000', currency: 'CNY' }]),
    ]);
    const [batch] = ledgerDataOf(events, 'BatchClosed');
    expect(batch).toMatchObject({
      status: 'MATCHED',
      ledgerTotals: [{ method: 'CREDIT', currency: 'CNY', count: 2, minor: '17000' }],
      sales: [
        expect.objectContaining({ transactionId: tx(1), amount: cny('10000'), tip: cny('1500'), fee: cny('207') }),
        expect.objectContaining({ transactionId: tx(2), amount: cny('5000'), tip: cny('500'), fee: cny('99') }),
      ],
      fees: [cny('306')],
    });
    const postings = events.flatMap(postingsFor);
    assertBalanced(postings);
    expect(balanceFromPostings(postings)).toEqual([
      { currency: 'CNY', pending: money(0n, 'CNY'), settled: money(17000n, 'CNY'), fees: money(306n, 'CNY'), available: money(16694n, 'CNY'), held: money(0n, 'CNY'), cash: money(0n, 'CNY') },
    ]);
  });

  it('refuses a tip on a QR or cash sale, after settlement, in another currency, and a cash sale that carries one', () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn(),
      ...t.qrSaleRequested(tx(1), 'WECHAT_PAY', '1000'), t.approved(tx(1)), t.tipEntered(tx(1), '100'),
      ...t.cashSaleStarted(tx(2), '1000'), t.tipEntered(tx(2), '100'),
      ...t.cardSaleRequested(tx(3), 'DEBIT', '1000'), t.approved(tx(3)), t.tipEntered(tx(3), '100', 'USD'),
      t.settlementClosed(1, []), t.tipEntered(tx(3), '100'),
      t.tipEntered(tx(4), '100'), ...t.cashSaleStarted(tx(4), '1000'), t.cashReceived(tx(4), '1000'),
    ]);
    expect(rejectionCodes(events)).toEqual(['TIP_NOT_APPLICABLE', 'TIP_NOT_APPLICABLE', 'CURRENCY_MISMATCH', 'TRANSACTION_NOT_OPEN', 'TIP_NOT_APPLICABLE']);
  });

  it('gives the tip back with a void, and refunds up to the sale and its tip', () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn(),
      t.tipEntered(tx(1), '300'), ...t.cardSaleRequested(tx(1), 'CREDIT', '2000'), t.approved(tx(1)),
      t.voided(tx(2), tx(1)),
      ...t.cardSaleRequested(tx(3), 'CREDIT', '2000'), t.approved(tx(3)), t.tipEntered(tx(3), '300'),
      t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor: '2300', currency: 'CNY' }]),
      t.refundApproved(tx(4), tx(3), '2301'),
      t.refundApproved(tx(5), tx(3), '2300'),
    ]);
    expect(ledgerDataOf(events, 'SaleVoided')).toEqual([expect.objectContaining({ transactionId: tx(1), amount: cny('2000'), tip: cny('300') })]);
    expect(rejectionCodes(events)).toEqual(['REFUND_EXCEEDS_CAPTURED']);
    const balance = balanceFromPostings(events.flatMap(postingsFor));
    expect(balance).toEqual([expect.objectContaining({ pending: money(0n, 'CNY'), settled: money(0n, 'CNY') })]);
  });

  it("reports the shift's tips per method apart from its sales, less the tips of sales voided in it", () => {
    const t = new TerminalScript();
    const { events } = replay([
      t.signedIn('op-1'), t.shiftOpened('op-1', '0'),
      t.tipEntered(tx(1), '300'), ...t.cardSaleRequested(tx(1), 'CREDIT', '2000'), t.approved(tx(1)),
      ...t.cardSaleRequested(tx(2), 'DEBIT', '1000'), t.approved(tx(2)), t.tipEntered(tx(2), '150'),
      t.tipEntered(tx(3), '999'), ...t.cardSaleRequested(tx(3), 'CREDIT', '5000'), t.approved(tx(3)), t.voided(tx(4), tx(3)),
      t.shiftClosed('0'),
    ]);
    expect(ledgerDataOf(events, 'ShiftClosed')).toEqual([expect.objectContaining({
      sales: [{ method: 'CREDIT', currency: 'CNY', count: 2, minor: '7000' }, { method: 'DEBIT', currency: 'CNY', count: 1, minor: '1000' }],
      tips: [{ method: 'CREDIT', currency: 'CNY', count: 1, minor: '300' }, { method: 'DEBIT', currency: 'CNY', count: 1, minor: '150' }],
    })]);
  });

  it('property: the merchant is owed what its card and QR sales captured, tips included, less voids, refunds and offline sales the host declined, whatever its batches did', () => {
    fc.assert(
      fc.property(terminalHistory(), (history) => {
        const { events } = replay(history, { offlineUpToMinor: GENERATED_OFFLINE_LIMIT_MINOR });
        const owed = new Map<string, bigint>();
        const add = (currency: string, minor: bigint) => owed.set(currency, (owed.get(currency) ?? 0n) + minor);
        for (const e of events) {
          if ((e.type === 'SaleApproved' || e.type === 'SaleVoided') && e.data.method !== 'CASH') {
            const sign = e.type === 'SaleApproved' ? 1n : -1n;
            add(e.data.amount.currency, sign * (BigInt(e.data.amount.minor) + BigInt(e.data.tip?.minor ?? 0)));
          }
          if (e.type === 'TipAdjusted') add(e.data.tip.currency, BigInt(e.data.tip.minor));
          if ((e.type === 'RefundApproved' && e.data.method !== 'CASH') || e.type === 'OfflineSaleDeclined') add(e.data.amount.currency, -BigInt(e.data.amount.minor));
        }
        for (const balance of balanceFromPostings(events.flatMap(postingsFor))) {
          expect(balance.pending.amountMinor + balance.settled.amountMinor).toBe(owed.get(balance.currency) ?? 0n);
        }
      }),
      { numRuns: 200 },
    );
  });
});
