import { moneyJson } from '@posledger/domain';
import type { SalesBucket } from '@posledger/views';
import { dayTotals } from './day-totals';

const bucket = (key: string, currency: string, count: number, [gross, tips, refunds, voids, fees, disputes = 0]: readonly number[]): SalesBucket => ({
  key,
  count,
  gross: moneyJson(BigInt(gross), currency),
  tips: moneyJson(BigInt(tips), currency),
  refunds: moneyJson(BigInt(refunds), currency),
  voids: moneyJson(BigInt(voids), currency),
  fees: moneyJson(BigInt(fees), currency),
  offlineDeclined: moneyJson(0n, currency),
  disputes: moneyJson(BigInt(disputes), currency),
  net: moneyJson(BigInt(gross + tips - refunds - fees - disputes), currency),
});

describe('the day totals', () => {
  it('adds the methods of each currency up, never one currency into another', () => {
    expect(dayTotals([
      bucket('DEBIT', 'CNY', 2, [10000, 400, 0, 0, 50]),
      bucket('CASH', 'CNY', 3, [5200, 0, 500, 800, 0]),
      bucket('CREDIT', 'GBP', 1, [3000, 300, 100, 0, 59]),
      bucket('WECHAT_PAY', 'CNY', 1, [2000, 0, 0, 0, 12, 2500]),
    ])).toEqual([
      bucket('CNY', 'CNY', 6, [17200, 400, 500, 800, 62, 2500]),
      bucket('GBP', 'GBP', 1, [3000, 300, 100, 0, 59]),
    ]);
  });

  it('is empty for a day without sales', () => {
    expect(dayTotals([])).toEqual([]);
  });
});
