import { minorFromInput } from '../format/money';
import { apiPeriod, type DateRange } from '../time/date-range';
import type { TransactionFilters } from './view-state';

/** GraphQL's TransactionFilter (and the export's parameters). */
export interface TransactionFilterArguments {
  readonly from: string;
  readonly to: string;
  readonly method?: string;
  readonly terminalId?: string;
  readonly status?: string;
  readonly minAmount?: string;
  readonly maxAmount?: string;
  readonly refunded?: boolean;
}

/** The filters of the address bar as the API takes them: the period's days, amounts in minor units of the currency. */
export function filterArguments(filters: TransactionFilters, range: DateRange, currencyExponent: number): TransactionFilterArguments {
  const minAmount = filters.min === undefined ? undefined : minorFromInput(filters.min, currencyExponent);
  const maxAmount = filters.max === undefined ? undefined : minorFromInput(filters.max, currencyExponent);
  return {
    ...apiPeriod(range),
    ...(filters.method ? { method: filters.method } : {}),
    ...(filters.terminal ? { terminalId: filters.terminal } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(minAmount === undefined ? {} : { minAmount }),
    ...(maxAmount === undefined ? {} : { maxAmount }),
    ...(filters.refunded ? { refunded: filters.refunded === 'yes' } : {}),
  };
}
