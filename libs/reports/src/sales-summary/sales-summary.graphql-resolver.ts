import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { querySalesSummary } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { periodArguments, timeArgument, TIME_ARGUMENT_FORMS } from '../graphql/time-argument';
import { READ_STORE } from '../reports.tokens';
import { MerchantTimeZones } from '../merchants/merchant-time-zones';
import { SalesBucket, SalesGrouping } from './sales-summary.types';

@Resolver(() => SalesBucket)
export class SalesSummaryResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore, private readonly zones: MerchantTimeZones) {}

  @Query(() => [SalesBucket], {
    description:
      'Sales of a merchant with the terminal occurredAt between from (inclusive) and to (exclusive). With asOf: only events the platform had recorded before asOf (the recorded time), so past reports can be reproduced.',
  })
  async salesSummary(
    @Context() context: ReportsContext,
    @Args('from', { description: `Inclusive start, by the terminal's occurredAt: ${TIME_ARGUMENT_FORMS}.` }) from: string,
    @Args('to', { description: `Exclusive end (to: 2026-12-01 ends with November 30): ${TIME_ARGUMENT_FORMS}.` }) to: string,
    @Args('groupBy', { type: () => SalesGrouping, description: 'What a bucket is.' }) groupBy: SalesGrouping,
    @MerchantIdArgument() merchantId?: string,
    @Args('asOf', { nullable: true, description: `Only what the platform had recorded before this instant (recorded time): ${TIME_ARGUMENT_FORMS}.` }) asOf?: string,
    @Args('splitBy', { type: () => SalesGrouping, nullable: true, description: 'A second grouping within each key (e.g. DAY split by PAYMENT_METHOD); not the same as groupBy.' })
    splitBy?: SalesGrouping,
  ): Promise<SalesBucket[]> {
    const merchant = merchantInScope(context, merchantId);
    if (splitBy === groupBy) throw new InvalidArgumentError(`splitBy must differ from groupBy, got ${splitBy} for both`);
    const timeZone = await this.zones.of(merchant);
    return querySalesSummary(this.store, {
      merchantId: merchant,
      ...periodArguments(from, to, timeZone),
      groupBy,
      ...(splitBy ? { splitBy } : {}),
      timeZone,
      recordedBefore: asOf ? timeArgument('asOf', asOf, timeZone) : undefined,
    });
  }
}
