import { Inject } from '@nestjs/common';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { instantArgument } from '../graphql/instant';
import { READ_STORE } from '../reports.tokens';
import { merchantTimeZone } from '@posledger/views';
import { querySalesSummary } from '@posledger/views';
import { SalesBucket, SalesGrouping } from './sales-summary.types';

@Resolver(() => SalesBucket)
export class SalesSummaryResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => [SalesBucket], {
    description:
      'Sales of a merchant with the terminal occurredAt between from (inclusive) and to (exclusive). With asOf: only events the platform had recorded before asOf (the recorded time), so past reports can be reproduced.',
  })
  async salesSummary(
    @Context() context: ReportsContext,
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('groupBy', { type: () => SalesGrouping }) groupBy: SalesGrouping,
    @Args('merchantId', { type: () => ID, nullable: true }) merchantId?: string,
    @Args('asOf', { nullable: true }) asOf?: string,
  ): Promise<SalesBucket[]> {
    const merchant = merchantInScope(context, merchantId);
    return querySalesSummary(this.store, {
      merchantId: merchant,
      from: instantArgument('from', from),
      to: instantArgument('to', to),
      groupBy,
      timeZone: await merchantTimeZone(this.store, merchant),
      recordedBefore: asOf ? instantArgument('asOf', asOf) : undefined,
    });
  }
}
