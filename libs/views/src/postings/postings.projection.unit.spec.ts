import type { PayoutEvent } from '@posledger/domain';
import { tx } from '@posledger/domain/testing';
import { counterDay, only, rowsOf } from '../testing/counter-day';
import { payoutPostingRows, postingRows, type PostingRow } from './postings.projection';

const pick = ({ account, debit, credit, transaction_id, event_type }: PostingRow) => ({ account, debit, credit, transaction_id, event_type });

describe('postings view', () => {
  const day = counterDay();

  it('given an approved sale, then receivable is debited and pending credited, on the sale, for the terminal’s merchant', () => {
    const [sale] = only(day, 'SaleApproved');
    const rows = rowsOf([sale], postingRows);

    expect(rows.map(pick)).toEqual([
      { account: 'acquirer:receivable', debit: '10000', credit: '0', transaction_id: tx(1), event_type: 'SaleApproved' },
      { account: 'merchant:pending', debit: '0', credit: '10000', transaction_id: tx(1), event_type: 'SaleApproved' },
    ]);
    expect(rows.map((row) => [row.merchant_id, row.terminal_id, row.currency, row.entry])).toEqual([['m-1', 't-1', 'CNY', 0], ['m-1', 't-1', 'CNY', 1]]);
  });

  it('given a void, a batch close and a refund, then each posts its own set: the void on the sale it voids, the refund under its own id, the batch under none', () => {
    const rows = rowsOf([...only(day, 'SaleVoided'), ...only(day, 'BatchClosed'), ...only(day, 'RefundApproved')], postingRows).map(pick);

    expect(rows).toEqual([
      { account: 'merchant:pending', debit: '5000', credit: '0', transaction_id: tx(2), event_type: 'SaleVoided' },
      { account: 'acquirer:receivable', debit: '0', credit: '5000', transaction_id: tx(2), event_type: 'SaleVoided' },
      { account: 'merchant:pending', debit: '10000', credit: '0', transaction_id: '', event_type: 'BatchClosed' },
      { account: 'merchant:settled', debit: '0', credit: '10000', transaction_id: '', event_type: 'BatchClosed' },
      { account: 'merchant:fees', debit: '50', credit: '0', transaction_id: '', event_type: 'BatchClosed' },
      { account: 'platform:fee-income', debit: '0', credit: '50', transaction_id: '', event_type: 'BatchClosed' },
      { account: 'merchant:settled', debit: '2500', credit: '0', transaction_id: tx(10), event_type: 'RefundApproved' },
      { account: 'acquirer:receivable', debit: '0', credit: '2500', transaction_id: tx(10), event_type: 'RefundApproved' },
    ]);
  });

  it('given the whole day, then no other event posts and debits equal credits (invariant 5 over the rows)', () => {
    const rows = rowsOf(day, postingRows);
    const sum = (side: 'debit' | 'credit') => rows.reduce((total, row) => total + BigInt(row[side]), 0n);

    expect(new Set(rows.map((row) => row.event_type))).toEqual(new Set(['SaleApproved', 'SaleVoided', 'BatchClosed', 'RefundApproved']));
    expect(sum('debit')).toBe(sum('credit'));
  });

  it('given a payout scheduled, cut off, paid and another failed, then each posts under its payout, for no terminal, at its own time', () => {
    const CNY = (minor: string) => ({ currency: 'CNY', minor });
    const payouts: PayoutEvent[] = [
      {
        type: 'PayoutScheduled',
        data: {
          merchantId: 'm-1', payoutId: 'PO-000001', currency: 'CNY', valueDate: '2026-11-24', cutoffAt: '2026-11-23T16:00:00.000Z',
          settled: CNY('7500'), fees: CNY('50'), amount: CNY('7450'), lines: [],
        },
      },
      { type: 'PayoutsCutOff', data: { merchantId: 'm-1', cutoffAt: '2026-11-23T16:00:00.000Z', throughPosition: '12', carriedForward: [] } },
      { type: 'PayoutPaid', data: { merchantId: 'm-1', payoutId: 'PO-000001', amount: CNY('7450'), bankReference: 'B-1', paidAt: '2026-11-24T02:00:00.000Z' } },
      { type: 'PayoutFailed', data: { merchantId: 'm-1', payoutId: 'PO-000002', amount: CNY('950'), settled: CNY('1000'), fees: CNY('50'), reason: 'account closed', failedAt: '2026-11-25T03:00:00.000Z' } },
    ];
    const rows = rowsOf(payouts, payoutPostingRows);

    expect(rows.map(pick)).toEqual([
      { account: 'merchant:settled', debit: '7500', credit: '0', transaction_id: 'PO-000001', event_type: 'PayoutScheduled' },
      { account: 'merchant:fees', debit: '0', credit: '50', transaction_id: 'PO-000001', event_type: 'PayoutScheduled' },
      { account: 'merchant:in-transit', debit: '0', credit: '7450', transaction_id: 'PO-000001', event_type: 'PayoutScheduled' },
      { account: 'merchant:in-transit', debit: '7450', credit: '0', transaction_id: 'PO-000001', event_type: 'PayoutPaid' },
      { account: 'acquirer:receivable', debit: '0', credit: '7450', transaction_id: 'PO-000001', event_type: 'PayoutPaid' },
      { account: 'merchant:in-transit', debit: '950', credit: '0', transaction_id: 'PO-000002', event_type: 'PayoutFailed' },
      { account: 'merchant:settled', debit: '0', credit: '1000', transaction_id: 'PO-000002', event_type: 'PayoutFailed' },
      { account: 'merchant:fees', debit: '50', credit: '0', transaction_id: 'PO-000002', event_type: 'PayoutFailed' },
    ]);
    expect(rows.map((row) => [row.merchant_id, row.terminal_id, row.occurred_at, row.position, row.entry])).toEqual([
      ['m-1', '', '2026-11-23 16:00:00.000', '0', 0], ['m-1', '', '2026-11-23 16:00:00.000', '0', 1], ['m-1', '', '2026-11-23 16:00:00.000', '0', 2],
      ['m-1', '', '2026-11-24 02:00:00.000', '2', 0], ['m-1', '', '2026-11-24 02:00:00.000', '2', 1],
      ['m-1', '', '2026-11-25 03:00:00.000', '3', 0], ['m-1', '', '2026-11-25 03:00:00.000', '3', 1], ['m-1', '', '2026-11-25 03:00:00.000', '3', 2],
    ]);
  });
});
