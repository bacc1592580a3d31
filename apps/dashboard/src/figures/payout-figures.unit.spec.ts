import type { Payout } from '../api/report-types';
import { lineReference, newestPayoutsFirst, payoutLinesAddUp, payoutLineTotals } from './payout-figures';

const cny = (minor: string) => ({ currency: 'CNY', minor, exponent: 2 });
const line = (eventType: string, settled: string, fees: string) => ({ position: '1', terminalId: 't-1', eventType, reference: 'r', settled: cny(settled), fees: cny(fees) });

describe("a payout's lines", () => {
  const payout = {
    settled: cny('13500'),
    fees: cny('1680'),
    lines: [line('BatchClosed', '30000', '180'), line('RefundApproved', '-5000', '0'), line('DisputeOpened', '-10000', '0'), line('DisputeResolved', '0', '1500')],
    broughtForward: { settled: cny('-1500'), fees: cny('0') },
  } satisfies Pick<Payout, 'lines' | 'broughtForward' | 'settled' | 'fees'>;

  it('add up, with what is brought forward, to the settled funds and fees it pays', () => {
    expect(payoutLineTotals(payout)).toEqual({ settled: 13500n, fees: 1680n });
    expect(payoutLinesAddUp(payout)).toBe(true);
  });

  it('count no brought forward when there is none, and exactly beyond a float', () => {
    expect(payoutLineTotals({ lines: [line('BatchClosed', '9007199254740993', '1')], broughtForward: null })).toEqual({ settled: 9007199254740993n, fees: 1n });
    expect(payoutLineTotals({ lines: [], broughtForward: null })).toEqual({ settled: 0n, fees: 0n });
  });

  it('are found out when they do not add up', () => {
    expect(payoutLinesAddUp({ ...payout, broughtForward: null })).toBe(false);
    expect(payoutLinesAddUp({ ...payout, fees: cny('1681') })).toBe(false);
  });
});

describe('payouts in order', () => {
  it('are by value date, newest first, the later run first on a day', () => {
    const listed = [
      { id: 'PO-000001', valueDate: '2026-11-24' },
      { id: 'PO-000003', valueDate: '2026-11-25' },
      { id: 'PO-000002', valueDate: '2026-11-24' },
    ];
    expect(newestPayoutsFirst(listed).map((p) => p.id)).toEqual(['PO-000003', 'PO-000002', 'PO-000001']);
    expect(listed[0].id).toBe('PO-000001');
  });
});

describe("a line's reference", () => {
  it('is a batch number for a batch close, the id itself for a sale, refund or dispute', () => {
    expect(lineReference('batch 12')).toEqual({ batch: 12 });
    expect(lineReference('cb-1')).toEqual({ id: 'cb-1' });
    expect(lineReference('batch')).toEqual({ id: 'batch' });
    expect(lineReference('batch 1 of 2')).toEqual({ id: 'batch 1 of 2' });
    expect(lineReference('')).toEqual({ id: '' });
  });
});
