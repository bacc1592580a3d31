import type { EndOfDay } from '../api/report-types';
import { currenciesOf, figuresOf, methodOrder, NO_FIGURES, rowsWithTotal, type Figures } from './sales-figures';

/** One currency of the day: a row per payment method that sold in it, and the day's totals as the API gives them. */
export interface DayInCurrency {
  readonly currency: string;
  readonly exponent: number;
  readonly rows: readonly { readonly key: string; readonly figures: Figures }[];
  readonly total: Figures;
}

/** The day's figures per currency, the merchant's first (all zero on a day without sales), methods in the dashboard's order. */
export function endOfDayFigures(day: Pick<EndOfDay, 'totals' | 'byMethod'>, merchantCurrency: string, merchantExponent: number): DayInCurrency[] {
  return currenciesOf([...day.totals, ...day.byMethod], merchantCurrency).map((currency) => {
    const total = day.totals.find((bucket) => bucket.gross.currency === currency);
    const methods = methodOrder(day.byMethod.filter((bucket) => bucket.gross.currency === currency).map((bucket) => bucket.key));
    return {
      currency,
      exponent: total?.gross.exponent ?? merchantExponent,
      rows: rowsWithTotal(day.byMethod, currency, methods, (bucket) => bucket.key).rows,
      total: total ? figuresOf(total) : NO_FIGURES,
    };
  });
}
