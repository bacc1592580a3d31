import type { SalesBucket } from '../api/report-types';
import { currenciesOf, methodOrder, rankedByGross, rowsWithTotal, stackedByMethod, totalOf } from './sales-figures';

const cny = (minor: string) => ({ currency: 'CNY', minor, exponent: 2 });
const bucket = (key: string, splitKey: string | undefined, count: number, gross: string, extra: Partial<Record<'tips' | 'refunds' | 'voids' | 'fees' | 'offlineDeclined' | 'disputes', string>> = {}): SalesBucket => {
  const [tips, refunds, fees, offlineDeclined, disputes] = [extra.tips, extra.refunds, extra.fees, extra.offlineDeclined, extra.disputes].map((minor) => minor ?? '0');
  const net = BigInt(gross) + BigInt(tips) - BigInt(refunds) - BigInt(fees) - BigInt(offlineDeclined) - BigInt(disputes);
  return { key, splitKey, count, gross: cny(gross), tips: cny(tips), refunds: cny(refunds), voids: cny(extra.voids ?? '0'), fees: cny(fees), offlineDeclined: cny(offlineDeclined), disputes: cny(disputes), net: cny(String(net)) };
};

describe('sales figures', () => {
  const byDayAndMethod = [
    bucket('2026-11-21', 'ALIPAY', 2, '3000', { disputes: '1200' }),
    bucket('2026-11-23', 'WECHAT_PAY', 1, '1500', { fees: '9' }),
    bucket('2026-11-23', 'DEBIT', 3, '9000', { tips: '300', refunds: '1000', voids: '500' }),
    bucket('2026-11-23', 'APPLE_PAY', 1, '100', { offlineDeclined: '40' }),
    { ...bucket('2026-11-23', 'CREDIT', 1, '700'), gross: { currency: 'USD', minor: '700', exponent: 2 } },
  ];

  it('sums the buckets of one currency, exactly, net being gross and tips less refunds, fees, offline declines and chargebacks lost', () => {
    expect(totalOf(byDayAndMethod, 'CNY')).toEqual({ count: 7, gross: 13600n, tips: 300n, refunds: 1000n, voids: 500n, fees: 9n, offlineDeclined: 40n, disputes: 1200n, net: 11651n });
    expect(totalOf([], 'CNY')).toEqual({ count: 0, gross: 0n, tips: 0n, refunds: 0n, voids: 0n, fees: 0n, offlineDeclined: 0n, disputes: 0n, net: 0n });
  });

  it("lists the merchant's currency first, even with no sales in it", () => {
    expect(currenciesOf(byDayAndMethod, 'CNY')).toEqual(['CNY', 'USD']);
    expect(currenciesOf([], 'GBP')).toEqual(['GBP']);
  });

  it('orders the known methods first and any new one after them', () => {
    expect(methodOrder(['ALIPAY', 'APPLE_PAY', 'DEBIT', 'WECHAT_PAY', 'CREDIT', 'AMAZON_PAY'])).toEqual(['DEBIT', 'CREDIT', 'WECHAT_PAY', 'ALIPAY', 'AMAZON_PAY', 'APPLE_PAY']);
  });

  it('stacks a series per method over every day of the range, zero on days without sales', () => {
    const days = ['2026-11-21', '2026-11-22', '2026-11-23'];
    const stacked = stackedByMethod(byDayAndMethod, 'CNY', days, (b) => b.key, 'gross');

    expect(stacked.methods).toEqual(['DEBIT', 'WECHAT_PAY', 'ALIPAY', 'APPLE_PAY']);
    expect(Object.fromEntries(stacked.values)).toEqual({ DEBIT: [0n, 0n, 9000n], WECHAT_PAY: [0n, 0n, 1500n], ALIPAY: [3000n, 0n, 0n], APPLE_PAY: [0n, 0n, 100n] });
  });

  it('adds the same hour of several days together', () => {
    const byHour = [bucket('2026-11-22T09', 'ALIPAY', 1, '100'), bucket('2026-11-23T09', 'ALIPAY', 1, '200'), bucket('2026-11-23T10', 'ALIPAY', 1, '50')];
    const stacked = stackedByMethod(byHour, 'CNY', ['09', '10', '11'], (b) => b.key.slice(11, 13), 'gross');

    expect(stacked.values.get('ALIPAY')).toEqual([300n, 50n, 0n]);
  });

  it('gives a row per day, newest first when asked so, zero-filled, and a totals row', () => {
    const { rows, total } = rowsWithTotal(byDayAndMethod, 'CNY', ['2026-11-23', '2026-11-22', '2026-11-21'], (b) => b.key);

    expect(rows.map((r) => [r.key, r.figures.count, r.figures.gross])).toEqual([['2026-11-23', 5, 10600n], ['2026-11-22', 0, 0n], ['2026-11-21', 2, 3000n]]);
    expect(total).toEqual(totalOf(byDayAndMethod, 'CNY'));
  });

  it('ranks terminals by gross', () => {
    const byTerminal = [bucket('t-2', undefined, 1, '500'), bucket('t-1', undefined, 4, '9000'), bucket('t-3', undefined, 1, '500')];

    expect(rankedByGross(byTerminal, 'CNY').map((r) => r.key)).toEqual(['t-1', 't-2', 't-3']);
  });
});
