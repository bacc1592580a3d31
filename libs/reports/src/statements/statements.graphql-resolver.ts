import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { queryStatements } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { READ_STORE } from '../reports.tokens';
import { STATEMENT_DATE_FORM, statementPeriod } from './statement-date';
import { Statement } from './statement.types';

@Resolver(() => Statement)
export class StatementsResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => [Statement], { description: "Every version of the merchant's daily statements for the days from `from` (inclusive) to `to` (exclusive), by date then version." })
  statements(
    @Context() context: ReportsContext,
    @Args('from', { description: `Inclusive start: ${STATEMENT_DATE_FORM}.` }) from: string,
    @Args('to', { description: `Exclusive end: ${STATEMENT_DATE_FORM}.` }) to: string,
    @MerchantIdArgument() merchantId?: string,
  ): Promise<Statement[]> {
    const merchant = merchantInScope(context, merchantId);
    return queryStatements(this.store, { merchantId: merchant, ...statementPeriod(from, to) });
  }
}
