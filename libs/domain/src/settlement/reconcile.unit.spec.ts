import { reconcile } from './reconcile';
import { terminalTotalsOf, totalsOf } from './totals';

describe('settlement totals and reconciliation', () => {
  it('totals per (method, currency), sorted by method then currency', () => {
    expect(
      totalsOf([
        { method: 'DEBIT', amount: { currency: 'USD', minor: '5' } },
        { method: 'ALIPAY', amount: { currency: 'CNY', minor: '100' } },
        { method: 'DEBIT', amount: { currency: 'CNY', minor: '7' } },
        { method: 'DEBIT', amount: { currency: 'CNY', minor: '3' } },
      ]),
    ).toEqual([
      { method: 'ALIPAY', currency: 'CNY', count: 1, minor: '100' },
      { method: 'DEBIT', currency: 'CNY', count: 2, minor: '10' },
      { method: 'DEBIT', currency: 'USD', count: 1, minor: '5' },
    ]);
  });

  it("the terminal's lines for the same method and currency add up", () => {
    expect(
      terminalTotalsOf([
        { method: 'CREDIT', count: 1, amountMinor: '10', currency: 'CNY' },
        { method: 'CREDIT', count: 2, amountMinor: '90000000000000000000', currency: 'CNY' },
      ]),
    ).toEqual([{ method: 'CREDIT', currency: 'CNY', count: 3, minor: '90000000000000000010' }]);
  });

  it('MATCHED when every line agrees', () => {
    const lines = [{ method: 'DEBIT' as const, currency: 'CNY', count: 2, minor: '10' }];
    expect(reconcile(lines, lines)).toEqual({ status: 'MATCHED', differences: [] });
    expect(reconcile([], [])).toEqual({ status: 'MATCHED', differences: [] });
  });

  it('MISMATCH with differences terminal minus ledger, non-zero lines only, lines missing on either side', () => {
    expect(
      reconcile(
        [
          { method: 'DEBIT', currency: 'CNY', count: 2, minor: '10' },
          { method: 'CREDIT', currency: 'CNY', count: 1, minor: '7' },
        ],
        [
          { method: 'DEBIT', currency: 'CNY', count: 2, minor: '10' },
          { method: 'ALIPAY', currency: 'CNY', count: 1, minor: '100' },
          { method: 'CREDIT', currency: 'CNY', count: 1, minor: '5' },
        ],
      ),
    ).toEqual({
      status: 'MISMATCH',
      differences: [
        { method: 'ALIPAY', currency: 'CNY', countDifference: -1, minorDifference: '-100' },
        { method: 'CREDIT', currency: 'CNY', countDifference: 0, minorDifference: '2' },
      ],
    });
  });
});
