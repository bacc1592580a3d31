import type { TransactionFilter as ViewFilter } from '@posledger/views';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { assertOrderedPeriod, timeArgument } from '../graphql/time-argument';
import { amountArgument } from './amount-argument';

/** A filter of sales as a client gives it (GraphQL's TransactionFilter, the export's parameters). */
export interface TransactionFilterArguments {
  readonly status?: string;
  readonly method?: string;
  readonly terminalId?: string;
  readonly operatorId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly minAmount?: string;
  readonly maxAmount?: string;
  readonly refunded?: boolean;
}

/** The filter checked and read for the view; `prefix` names the arguments in refusals ("filter." in GraphQL). */
export function readTransactionFilter(filter: TransactionFilterArguments, timeZone: string, prefix: string): ViewFilter {
  const { from, to, minAmount, maxAmount, ...rest } = filter;
  const read = {
    ...rest,
    ...(from ? { from: timeArgument(`${prefix}from`, from, timeZone) } : {}),
    ...(to ? { to: timeArgument(`${prefix}to`, to, timeZone) } : {}),
    ...(minAmount ? { minAmount: amountArgument(`${prefix}minAmount`, minAmount) } : {}),
    ...(maxAmount ? { maxAmount: amountArgument(`${prefix}maxAmount`, maxAmount) } : {}),
  };
  if (read.from && read.to) assertOrderedPeriod(`${prefix}from`, read.from, `${prefix}to`, read.to);
  if (read.minAmount !== undefined && read.maxAmount !== undefined && read.minAmount > read.maxAmount) {
    throw new InvalidArgumentError(`${prefix}minAmount (${read.minAmount}) is above ${prefix}maxAmount (${read.maxAmount})`);
  }
  return read;
}
