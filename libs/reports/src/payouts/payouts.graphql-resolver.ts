import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { queryPayouts } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { READ_STORE } from '../reports.tokens';
import { Payout } from './payout.types';
import { VALUE_DATE_FORM, valueDatePeriod } from './value-date-period';

@Resolver(() => Payout)
export class PayoutsResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => [Payout], { description: "The merchant's payouts valued from `from` (inclusive) to `to` (exclusive), by value date then id, each with its lines." })
  payouts(
    @Context() context: ReportsContext,
    @Args('from', { description: `Inclusive start, by the payout's value date: ${VALUE_DATE_FORM}.` }) from: string,
    @Args('to', { description: `Exclusive end: ${VALUE_DATE_FORM}.` }) to: string,
    @MerchantIdArgument() merchantId?: string,
  ): Promise<Payout[]> {
    const merchant = merchantInScope(context, merchantId);
    return queryPayouts(this.store, { merchantId: merchant, ...valueDatePeriod(from, to) });
  }
}
