import fc from 'fast-check';
import { ledgerDataOf, replay, TerminalScript, tx } from '../testing';
import { balanceFromPostings } from './balance';
import { assertBalanced, postingsFor } from './postings';
import { feeReturnedBy } from './refund-fee-policy';

/** A settled credit sale tx(1) of `amountMinor` (fee 180 bp), then refunds of the given amounts. */
function refundedSale(amountMinor: string, refunds: readonly string[], refundFees?: 'KEPT' | 'RETURNED') {
  const t = new TerminalScript();
  return replay([
    t.signedIn(), ...t.cardSaleRequested(tx(1), 'CREDIT', amountMinor), t.approved(tx(1)),
    t.settlementClosed(1, [{ method: 'CREDIT', count: 1, amountMinor, currency: 'CNY' }]),
    ...refunds.map((minor, i) => t.refundApproved(tx(100 + i), tx(1), minor)),
  ], refundFees === undefined ? {} : { refundFees });
}

describe('the fee on a refunded sale', () => {
  it('is kept by the acquirer by default: a refund returns no fee, the fee stays charged', () => {
    const { events } = refundedSale('10000', ['4000']);
    expect(ledgerDataOf(events, 'RefundApproved')[0]).not.toHaveProperty('feeReturned');
    expect(balanceFromPostings(events.flatMap(postingsFor))[0].fees.amountMinor).toBe(180n);
  });

  it('under RETURNED, comes back in proportion to each refund, and wholly once the sale is wholly refunded', () => {
    const { events } = refundedSale('10000', ['3333', '3333', '3334'], 'RETURNED');
    expect(ledgerDataOf(events, 'RefundApproved').map((refund) => refund.feeReturned?.minor)).toEqual(['59', '60', '61']);
    const [balance] = balanceFromPostings(events.flatMap(postingsFor));
    expect(balance.fees.amountMinor).toBe(0n);
    expect(balance.available.amountMinor).toBe(0n);
  });

  it('property: the fee a sale\'s refunds return never exceeds its fee, equals it when wholly refunded, and the postings balance', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10_000_000_000n }), fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 6 }), (amount, percents) => {
        let left = amount;
        const refunds = percents.map((percent) => {
          const minor = (amount * BigInt(percent)) / 100n > left ? left : (amount * BigInt(percent)) / 100n;
          left -= minor;
          return minor;
        }).filter((minor) => minor > 0n);
        if (left > 0n) refunds.push(left);
        const { events } = refundedSale(amount.toString(), refunds.map(String), 'RETURNED');
        assertBalanced(events.flatMap(postingsFor));
        const fee = BigInt(ledgerDataOf(events, 'BatchClosed')[0].fees[0]?.minor ?? '0');
        const returned = ledgerDataOf(events, 'RefundApproved').reduce((sum, refund) => sum + BigInt(refund.feeReturned?.minor ?? '0'), 0n);
        expect(returned).toBe(fee);
      }),
      { numRuns: 200 },
    );
    expect(feeReturnedBy(180n, 10_000n, 0n, 0n, 0n)).toBe(0n);
  });
});
