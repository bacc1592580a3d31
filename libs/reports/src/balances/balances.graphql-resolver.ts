import { Inject } from '@nestjs/common';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { merchantInScope, requireAuditor, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { timeArgument, TIME_ARGUMENT_FORMS } from '../graphql/time-argument';
import { READ_STORE } from '../reports.tokens';
import { MerchantTimeZones } from '../merchants/merchant-time-zones';
import { Balance } from './balance.types';
import { queryBalances } from '@posledger/views';

@Resolver(() => Balance)
export class BalancesResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore, private readonly zones: MerchantTimeZones) {}

  @Query(() => [Balance], { description: 'Current balances per currency.' })
  balances(
    @Context() context: ReportsContext,
    @MerchantIdArgument() merchantId?: string,
  ): Promise<Balance[]> {
    return queryBalances(this.store, merchantInScope(context, merchantId));
  }

  @Query(() => [Balance], { description: 'Auditors: balances from the events the platform recorded before `at` (recorded time, not the terminal occurredAt).' })
  async balanceAsOf(
    @Context() context: ReportsContext,
    @Args('merchantId', { type: () => ID, description: 'The merchant to read.' }) merchantId: string,
    @Args('at', { description: `Postings of events recorded before this instant: ${TIME_ARGUMENT_FORMS}.` }) at: string,
  ): Promise<Balance[]> {
    requireAuditor(context);
    const merchant = merchantInScope(context, merchantId);
    return queryBalances(this.store, merchant, timeArgument('at', at, await this.zones.of(merchant)));
  }
}
