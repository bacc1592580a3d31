import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { READ_STORE } from '../reports.tokens';
import { LedgerEvent, pageSize, Transaction, TransactionConnection, TransactionFilter } from './transaction.types';
import { queryTransaction, queryTransactionEvents, queryTransactions } from './transactions.query';

@Resolver(() => Transaction)
export class TransactionsResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => TransactionConnection, { description: 'Sales newest first; `after` takes the endCursor of the previous page.' })
  transactions(
    @Context() context: ReportsContext,
    @Args('merchantId', { type: () => ID, nullable: true }) merchantId?: string,
    @Args('filter', { type: () => TransactionFilter, nullable: true }) filter?: TransactionFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<TransactionConnection> {
    return queryTransactions(this.store, merchantInScope(context, merchantId), filter, pageSize(first), after);
  }

  @Query(() => Transaction, { nullable: true, description: "A sale with its events in order; null when it is not the caller's to see." })
  async transaction(@Context() context: ReportsContext, @Args('id', { type: () => ID }) id: string): Promise<Transaction | undefined> {
    const found = await queryTransaction(this.store, id);
    if (!found) return undefined;
    merchantInScope(context, context.grant?.role === 'auditor' ? found.merchantId : undefined);
    if (context.grant?.role === 'merchant' && context.grant.merchantId !== found.merchantId) return undefined;
    return found;
  }

  @ResolveField(() => [LedgerEvent])
  events(@Parent() transaction: Transaction): Promise<LedgerEvent[]> {
    return queryTransactionEvents(this.store, transaction.id);
  }
}
