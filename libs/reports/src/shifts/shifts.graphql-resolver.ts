import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { queryShifts } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { periodArguments, TIME_ARGUMENT_FORMS } from '../graphql/time-argument';
import { READ_STORE } from '../reports.tokens';
import { MerchantTimeZones } from '../merchants/merchant-time-zones';
import { Shift } from './shift.types';

@Resolver(() => Shift)
export class ShiftsResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore, private readonly zones: MerchantTimeZones) {}

  @Query(() => [Shift], { description: 'Shifts opened between from (inclusive) and to (exclusive), newest first, each closed one with its report.' })
  async shifts(
    @Context() context: ReportsContext,
    @Args('from', { description: `Inclusive start, by the shift's openedAt: ${TIME_ARGUMENT_FORMS}.` }) from: string,
    @Args('to', { description: `Exclusive end: ${TIME_ARGUMENT_FORMS}.` }) to: string,
    @MerchantIdArgument() merchantId?: string,
  ): Promise<Shift[]> {
    const merchant = merchantInScope(context, merchantId);
    const period = periodArguments(from, to, await this.zones.of(merchant));
    return queryShifts(this.store, merchant, period.from, period.to);
  }
}
