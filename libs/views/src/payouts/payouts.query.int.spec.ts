// The payouts query on chDB over the payouts view projected from payout streams.
import { payoutStream, type PayoutEvent, type PayoutScheduled } from '@posledger/domain';
import type { ReadStore } from '@posledger/read-store';
import { projectedReadStore } from '../testing/projected-read-store';
import { queryPayouts } from './payouts.query';

const AT = Date.parse('2026-11-24T03:00:00.000Z');
const CNY = (minor: string) => ({ currency: 'CNY', minor });
const LINE = { position: '7', terminalId: 't-1', eventType: 'BatchClosed', reference: 'batch 1', settled: '10000', fees: '180' };
const REFUND = { position: '9', terminalId: 't-2', eventType: 'RefundApproved', reference: 'rf-1', settled: '-1000', fees: '0' };

function scheduled(merchantId: string, payoutId: string, valueDate: string, data: Partial<PayoutScheduled['data']> = {}): PayoutScheduled {
  return {
    type: 'PayoutScheduled',
    data: {
      merchantId, payoutId, currency: 'CNY', valueDate, cutoffAt: '2026-11-23T16:00:00.000Z',
      settled: CNY('9000'), fees: CNY('180'), amount: CNY('8820'), lines: [LINE, REFUND], ...data,
    },
  };
}

const RUNS: PayoutEvent[] = [
  scheduled('m-1', 'PO-000001', '2026-11-24'),
  scheduled('m-1', 'PO-000002', '2026-11-24', { currency: 'USD', settled: { currency: 'USD', minor: '500' }, fees: { currency: 'USD', minor: '10' }, amount: { currency: 'USD', minor: '490' }, lines: [] }),
  scheduled('m-2', 'PO-000001', '2026-11-24'),
  { type: 'PayoutsCutOff', data: { merchantId: 'm-1', cutoffAt: '2026-11-23T16:00:00.000Z', throughPosition: '9', carriedForward: [] } },
  { type: 'PayoutPaid', data: { merchantId: 'm-1', payoutId: 'PO-000001', amount: CNY('8820'), bankReference: 'CNAPS 0001', paidAt: '2026-11-24T02:00:00.000Z' } },
  scheduled('m-1', 'PO-000003', '2026-11-25', { cutoffAt: '2026-11-24T16:00:00.000Z' }),
  { type: 'PayoutFailed', data: { merchantId: 'm-1', payoutId: 'PO-000003', amount: CNY('8820'), settled: CNY('9000'), fees: CNY('180'), reason: 'account closed', failedAt: '2026-11-25T03:00:00.000Z' } },
  scheduled('m-1', 'PO-000004', '2026-11-26', { cutoffAt: '2026-11-25T16:00:00.000Z', lines: [], broughtForward: { currency: 'CNY', settled: '9000', fees: '180' } }),
];

describe('payouts query', () => {
  let views: Awaited<ReturnType<typeof projectedReadStore>>;
  let store: ReadStore;

  beforeAll(async () => {
    views = await projectedReadStore('payouts_query', RUNS.map((event) => ({ streamId: payoutStream(event.data.merchantId), ...event })), AT);
    store = views.store;
  });

  afterAll(() => views.close());

  it('lists the merchant’s payouts valued from fromDate to before toDate, by value date then id, each as it stands now', async () => {
    const payouts = await queryPayouts(store, { merchantId: 'm-1', fromDate: '2026-11-24', toDate: '2026-11-26' });

    expect(payouts.map(({ id, valueDate, status, amount, bankReference, failureReason }) => ({ id, valueDate, status, amount, bankReference, failureReason }))).toEqual([
      { id: 'PO-000001', valueDate: '2026-11-24', status: 'PAID', amount: CNY('8820'), bankReference: 'CNAPS 0001', failureReason: null },
      { id: 'PO-000002', valueDate: '2026-11-24', status: 'IN_TRANSIT', amount: { currency: 'USD', minor: '490' }, bankReference: null, failureReason: null },
      { id: 'PO-000003', valueDate: '2026-11-25', status: 'FAILED', amount: CNY('8820'), bankReference: null, failureReason: 'account closed' },
    ]);
  });

  it('gives a payout its figures, cut-off and lines as scheduled, with when it was paid or failed', async () => {
    const [paid] = await queryPayouts(store, { merchantId: 'm-1', fromDate: '2026-11-24', toDate: '2026-11-25' });
    const [failed] = await queryPayouts(store, { merchantId: 'm-1', fromDate: '2026-11-25', toDate: '2026-11-26' });

    expect(paid).toEqual({
      id: 'PO-000001', currency: 'CNY', amount: CNY('8820'), settled: CNY('9000'), fees: CNY('180'), valueDate: '2026-11-24', cutoffAt: '2026-11-23T16:00:00.000Z', status: 'PAID',
      lines: [{ ...LINE, settled: CNY('10000'), fees: CNY('180') }, { ...REFUND, settled: CNY('-1000'), fees: CNY('0') }],
      broughtForward: null, bankReference: 'CNAPS 0001', paidAt: '2026-11-24T02:00:00.000Z', failedAt: null, failureReason: null,
    });
    expect(failed).toMatchObject({ id: 'PO-000003', status: 'FAILED', cutoffAt: '2026-11-24T16:00:00.000Z', paidAt: null, failedAt: '2026-11-25T03:00:00.000Z' });
  });

  it('carries what a payout brings forward', async () => {
    expect(await queryPayouts(store, { merchantId: 'm-1', fromDate: '2026-11-26', toDate: '2026-11-27' })).toMatchObject([
      { id: 'PO-000004', status: 'IN_TRANSIT', lines: [], broughtForward: { settled: CNY('9000'), fees: CNY('180') } },
    ]);
  });

  it('shows no other merchant’s payouts, and none for an empty period', async () => {
    expect((await queryPayouts(store, { merchantId: 'm-2', fromDate: '2026-11-01', toDate: '2026-12-01' })).map(({ id }) => id)).toEqual(['PO-000001']);
    expect(await queryPayouts(store, { merchantId: 'm-1', fromDate: '2026-11-24', toDate: '2026-11-24' })).toEqual([]);
  });
});
