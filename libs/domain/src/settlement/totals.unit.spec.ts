import fc from 'fast-check';
import { TotalsLine } from '../ledger/ledger-events';
import { PaymentMethod } from '../terminal-events/terminal-event';
import { MoneyJson } from '../values/money';
import { totalsOf, withTotal } from './totals';

type Counted = { method: PaymentMethod; amount: MoneyJson };

const counted: fc.Arbitrary<Counted> = fc.record({
  method: fc.constantFrom<PaymentMethod>('CASH', 'CREDIT', 'DEBIT', 'WECHAT_PAY'),
  amount: fc.record({ currency: fc.constantFrom('CNY', 'EUR', 'JPY'), minor: fc.bigInt({ min: 0n, max: 10n ** 24n }).map(String) }),
});

// Each step counts an amount in, or takes out one counted earlier and not taken out yet (picked by its index).
const steps = fc.array(fc.oneof(counted, fc.nat()), { maxLength: 40 });

describe('running totals', () => {
  it('property: counting in and taking out one at a time gives the totals of what is still counted', () => {
    fc.assert(
      fc.property(steps, (plan) => {
        let lines: TotalsLine[] = [];
        let kept: Counted[] = [];
        for (const step of plan) {
          if (typeof step !== 'number') {
            lines = withTotal(lines, step.method, step.amount, 1);
            kept = [...kept, step];
          } else if (kept.length > 0) {
            const out = kept[step % kept.length];
            lines = withTotal(lines, out.method, out.amount, -1);
            kept = kept.filter((_, index) => index !== step % kept.length);
          }
          expect(lines).toEqual(totalsOf(kept));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('drops a line once all it counted is taken out, even a line of zeros', () => {
    const zero = { currency: 'CNY', minor: '0' };
    const lines = withTotal(withTotal([], 'CASH', zero, 1), 'CREDIT', { currency: 'CNY', minor: '5' }, 1);
    expect(lines).toEqual([{ method: 'CASH', currency: 'CNY', count: 1, minor: '0' }, { method: 'CREDIT', currency: 'CNY', count: 1, minor: '5' }]);
    expect(withTotal(lines, 'CASH', zero, -1)).toEqual([{ method: 'CREDIT', currency: 'CNY', count: 1, minor: '5' }]);
  });
});
