import { historyOf, TerminalScript, tx } from '../testing';
import { money } from '../values/money';
import { balanceFromPostings } from './balance';
import { BatchClosed, LedgerEvent } from './ledger-events';
import { assertBalanced, Posting, postingsFor } from './postings';
import { UnbalancedPostingsError } from './unbalanced-postings.error';

function postingsOfType(events: LedgerEvent[], type: LedgerEvent['type']): Posting[] {
  return events.filter((e) => e.type === type).flatMap(postingsFor);
}

describe('postings', () => {
  const t = new TerminalScript();
  const history = historyOf(
    t.signedIn(),
    ...t.cardSaleRequested(tx(1), 'DEBIT', '10000'),
    t.approved(tx(1)),
    ...t.qrSaleRequested(tx(2), 'ALIPAY', '5000'),
    t.approved(tx(2)),
    ...t.cardSaleRequested(tx(3), 'CREDIT', '3000', 'BYPASSED', 'USD'),
    t.approved(tx(3)),
    t.voided(tx(30), tx(2)),
    t.settlementClosed(1, []),
    t.refundApproved(tx(10), tx(1), '2500'),
  );

  it('SaleApproved: DR acquirer:receivable / CR merchant:pending', () => {
    expect(postingsOfType(history, 'SaleApproved').slice(0, 2)).toEqual([
      { account: 'acquirer:receivable', side: 'DEBIT', amount: money(10000n, 'CNY') },
      { account: 'merchant:pending', side: 'CREDIT', amount: money(10000n, 'CNY') },
    ]);
  });

  it('SaleVoided: DR merchant:pending / CR acquirer:receivable', () => {
    expect(postingsOfType(history, 'SaleVoided')).toEqual([
      { account: 'merchant:pending', side: 'DEBIT', amount: money(5000n, 'CNY') },
      { account: 'acquirer:receivable', side: 'CREDIT', amount: money(5000n, 'CNY') },
    ]);
  });

  it('BatchClosed: per currency, pending to settled for the total, fees to the platform', () => {
    expect(postingsOfType(history, 'BatchClosed')).toEqual([
      { account: 'merchant:pending', side: 'DEBIT', amount: money(3000n, 'USD') },
      { account: 'merchant:settled', side: 'CREDIT', amount: money(3000n, 'USD') },
      { account: 'merchant:pending', side: 'DEBIT', amount: money(10000n, 'CNY') },
      { account: 'merchant:settled', side: 'CREDIT', amount: money(10000n, 'CNY') },
      { account: 'merchant:fees', side: 'DEBIT', amount: money(50n, 'CNY') },
      { account: 'platform:fee-income', side: 'CREDIT', amount: money(50n, 'CNY') },
      { account: 'merchant:fees', side: 'DEBIT', amount: money(54n, 'USD') },
      { account: 'platform:fee-income', side: 'CREDIT', amount: money(54n, 'USD') },
    ]);
  });

  it('RefundApproved: DR merchant:settled / CR acquirer:receivable', () => {
    expect(postingsOfType(history, 'RefundApproved')).toEqual([
      { account: 'merchant:settled', side: 'DEBIT', amount: money(2500n, 'CNY') },
      { account: 'acquirer:receivable', side: 'CREDIT', amount: money(2500n, 'CNY') },
    ]);
  });

  it('every other event posts nothing', () => {
    const silent = history.filter((e) => !['SaleApproved', 'SaleVoided', 'BatchClosed', 'RefundApproved'].includes(e.type));
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.flatMap(postingsFor)).toEqual([]);
  });

  it('invariant 5: the postings of the history balance per currency', () => {
    expect(() => assertBalanced(history.flatMap(postingsFor))).not.toThrow();
  });

  it('invariant 5: assertBalanced refuses unbalanced postings with UnbalancedPostingsError', () => {
    const unbalanced: Posting[] = [
      { account: 'acquirer:receivable', side: 'DEBIT', amount: money(100n, 'CNY') },
      { account: 'merchant:pending', side: 'CREDIT', amount: money(100n, 'USD') },
    ];
    expect(() => assertBalanced(unbalanced)).toThrow(UnbalancedPostingsError);
    expect(() => assertBalanced(unbalanced)).toThrow(expect.objectContaining({ code: 'LEDGER.UNBALANCED_POSTINGS' }));
  });

  it('invariant 5 can fail: a batch close whose totals or fees disagree with its settled sales does not balance', () => {
    const batch = history.find((e): e is BatchClosed => e.type === 'BatchClosed');
    if (!batch) throw new Error('the history closes a batch');
    const [first, ...others] = batch.data.sales;
    const underSold: BatchClosed = { ...batch, data: { ...batch.data, sales: [{ ...first, amount: { ...first.amount, minor: '1' } }, ...others] } };
    const underCharged: BatchClosed = { ...batch, data: { ...batch.data, sales: [{ ...first, fee: { ...first.fee, minor: '0' } }, ...others] } };
    expect(() => assertBalanced(postingsFor(batch))).not.toThrow();
    expect(() => assertBalanced(postingsFor(underSold))).toThrow(UnbalancedPostingsError);
    expect(() => assertBalanced(postingsFor(underCharged))).toThrow(UnbalancedPostingsError);
  });

  it('balances per currency: pending, settled, fees, available = settled - fees', () => {
    expect(balanceFromPostings(history.flatMap(postingsFor))).toEqual([
      { currency: 'CNY', pending: money(0n, 'CNY'), settled: money(7500n, 'CNY'), fees: money(50n, 'CNY'), available: money(7450n, 'CNY'), held: money(0n, 'CNY'), cash: money(0n, 'CNY') },
      { currency: 'USD', pending: money(0n, 'USD'), settled: money(3000n, 'USD'), fees: money(54n, 'USD'), available: money(2946n, 'USD'), held: money(0n, 'USD'), cash: money(0n, 'USD') },
    ]);
  });

  it('an approved sale not yet settled is pending', () => {
    const s = new TerminalScript();
    const events = historyOf(s.signedIn(), ...s.qrSaleRequested(tx(1), 'WECHAT_PAY', '888', 'HKD'), s.approved(tx(1)));
    expect(balanceFromPostings(events.flatMap(postingsFor))).toEqual([
      { currency: 'HKD', pending: money(888n, 'HKD'), settled: money(0n, 'HKD'), fees: money(0n, 'HKD'), available: money(0n, 'HKD'), held: money(0n, 'HKD'), cash: money(0n, 'HKD') },
    ]);
  });
});
