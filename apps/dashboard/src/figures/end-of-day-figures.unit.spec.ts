import type { SalesBucket } from '../api/report-types';
import { endOfDayFigures } from './end-of-day-figures';

const FIGURES = ['gross', 'tips', 'refunds', 'voids', 'fees', 'offlineDeclined', 'disputes', 'net'] as const;

/** A bucket of `key` in `currency` with its figures in the order of FIGURES. */
const bucket = (key: string, currency: string, exponent: number, count: number, minors: readonly number[]): SalesBucket => ({
  key,
  count,
  ...(Object.fromEntries(FIGURES.map((figure, i) => [figure, { currency, minor: String(minors[i]), exponent }])) as Record<(typeof FIGURES)[number], SalesBucket['gross']>),
});

const figures = (count: number, minors: readonly number[]) => ({ count, ...Object.fromEntries(FIGURES.map((figure, i) => [figure, BigInt(minors[i])])) });

describe('the end of day figures', () => {
  it("gives a row per method in the dashboard's order and the API's totals, per currency, the merchant's first", () => {
    const day = endOfDayFigures(
      {
        totals: [bucket('CNY', 'CNY', 2, 4, [17200, 400, 500, 800, 62, 0, 2000, 15038]), bucket('JPY', 'JPY', 0, 1, [3000, 0, 0, 0, 0, 0, 0, 3000])],
        byMethod: [
          bucket('WECHAT_PAY', 'CNY', 2, 1, [2000, 0, 0, 0, 12, 0, 2000, -12]),
          bucket('CASH', 'CNY', 2, 1, [5200, 0, 500, 800, 0, 0, 0, 4700]),
          bucket('CREDIT', 'JPY', 0, 1, [3000, 0, 0, 0, 0, 0, 0, 3000]),
          bucket('DEBIT', 'CNY', 2, 2, [10000, 400, 0, 0, 50, 0, 0, 10350]),
        ],
      },
      'CNY',
      2,
    );

    expect(day.map((currency) => [currency.currency, currency.exponent, currency.rows.map((row) => row.key)])).toEqual([
      ['CNY', 2, ['DEBIT', 'WECHAT_PAY', 'CASH']],
      ['JPY', 0, ['CREDIT']],
    ]);
    expect(day[0].rows[0].figures).toEqual(figures(2, [10000, 400, 0, 0, 50, 0, 0, 10350]));
    expect(day[0].total).toEqual(figures(4, [17200, 400, 500, 800, 62, 0, 2000, 15038]));
  });

  it("shows the merchant's currency with zero figures on a day without sales", () => {
    expect(endOfDayFigures({ totals: [], byMethod: [] }, 'GBP', 2)).toEqual([{ currency: 'GBP', exponent: 2, rows: [], total: figures(0, [0, 0, 0, 0, 0, 0, 0, 0]) }]);
  });
});
