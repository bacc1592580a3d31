import { Inject } from '@nestjs/common';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { merchantInScope, requireAuditor, type ReportsContext } from '../auth/grant-context';
import { instantArgument } from '../graphql/instant';
import { READ_STORE } from '../reports.tokens';
import { Balance } from './balance.types';
import { queryBalances } from '@posledger/views';

@Resolver(() => Balance)
export class BalancesResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => [Balance], { description: 'Current balances per currency.' })
  balances(@Context() context: ReportsContext, @Args('merchantId', { type: () => ID, nullable: true }) merchantId?: string): Promise<Balance[]> {
    return queryBalances(this.store, merchantInScope(context, merchantId));
  }

  @Query(() => [Balance], { description: 'Auditors: balances from the events the platform recorded before `at` (recorded time, not the terminal occurredAt).' })
  balanceAsOf(
    @Context() context: ReportsContext,
    @Args('merchantId', { type: () => ID }) merchantId: string,
    @Args('at') at: string,
  ): Promise<Balance[]> {
    requireAuditor(context);
    return queryBalances(this.store, merchantInScope(context, merchantId), instantArgument('at', at));
  }
}
