import type { PayoutEvent, PayoutScheduled } from '@posledger/domain';
import { rowsOf } from '../testing/counter-day';
import { payoutRows } from './payouts.projection';

const CNY = (minor: string) => ({ currency: 'CNY', minor });
const LINE = { position: '7', terminalId: 't-1', eventType: 'BatchClosed', reference: 'batch 1', settled: '10000', fees: '50' };

const scheduled: PayoutScheduled = {
  type: 'PayoutScheduled',
  data: {
    merchantId: 'm-1', payoutId: 'PO-000001', currency: 'CNY', valueDate: '2026-11-24', cutoffAt: '2026-11-23T16:00:00.000Z',
    settled: CNY('12000'), fees: CNY('80'), amount: CNY('11920'), lines: [LINE], broughtForward: { currency: 'CNY', settled: '2000', fees: '30' },
  },
};
const run: PayoutEvent[] = [
  scheduled,
  { type: 'PayoutsCutOff', data: { merchantId: 'm-1', cutoffAt: '2026-11-23T16:00:00.000Z', throughPosition: '7', carriedForward: [] } },
  { type: 'PayoutFailed', data: { merchantId: 'm-1', payoutId: 'PO-000001', amount: CNY('11920'), settled: CNY('12000'), fees: CNY('80'), reason: 'account closed', failedAt: '2026-11-24T03:00:00.000Z' } },
  { type: 'PayoutPaid', data: { merchantId: 'm-1', payoutId: 'PO-000002', amount: CNY('11920'), bankReference: 'CNAPS 0001', paidAt: '2026-11-25T02:00:00.000Z' } },
];

describe('payouts view', () => {
  it('given a payout scheduled and failed and another paid, then a row for each change, none for the cut-off, every column set', () => {
    expect(rowsOf(run, payoutRows)).toEqual([
      {
        merchant_id: 'm-1', payout_id: 'PO-000001', status: 'IN_TRANSIT', currency: 'CNY', amount: '11920', settled: '12000', fees: '80',
        value_date: '2026-11-24', cutoff_at: '2026-11-23 16:00:00.000', lines: JSON.stringify({ lines: [LINE], broughtForward: { currency: 'CNY', settled: '2000', fees: '30' } }),
        bank_reference: '', reason: '', at: '2026-11-23 16:00:00.000', position: '0',
      },
      {
        merchant_id: 'm-1', payout_id: 'PO-000001', status: 'FAILED', currency: 'CNY', amount: '11920', settled: '12000', fees: '80',
        value_date: '', cutoff_at: '1970-01-01 00:00:00.000', lines: '', bank_reference: '', reason: 'account closed', at: '2026-11-24 03:00:00.000', position: '2',
      },
      {
        merchant_id: 'm-1', payout_id: 'PO-000002', status: 'PAID', currency: 'CNY', amount: '11920', settled: '0', fees: '0',
        value_date: '', cutoff_at: '1970-01-01 00:00:00.000', lines: '', bank_reference: 'CNAPS 0001', reason: '', at: '2026-11-25 02:00:00.000', position: '3',
      },
    ]);
  });

  it('given a payout with nothing brought forward, then its lines hold no broughtForward', () => {
    const { broughtForward: _none, ...data } = scheduled.data;

    expect(JSON.parse(rowsOf([{ ...scheduled, data }], payoutRows)[0].lines)).toEqual({ lines: [LINE] });
  });
});
