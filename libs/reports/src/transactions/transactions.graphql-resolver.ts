import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { instantArgument } from '../graphql/instant';
import { firstArgument } from '../graphql/page-size';
import { decodeCursor, encodeCursor } from './transaction-cursor';
import { AmbiguousTransactionError } from './ambiguous-transaction.error';
import { READ_STORE } from '../reports.tokens';
import { LedgerEvent, Transaction, TransactionConnection, TransactionFilter } from './transaction.types';
import { queryTransaction, queryTransactionEvents, queryTransactions } from '@posledger/views';

@Resolver(() => Transaction)
export class TransactionsResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => TransactionConnection, { description: 'Sales newest first; `first`: 1 to 100 (default 50); `after` takes the endCursor of the previous page.' })
  async transactions(
    @Context() context: ReportsContext,
    @Args('merchantId', { type: () => ID, nullable: true }) merchantId?: string,
    @Args('filter', { type: () => TransactionFilter, nullable: true }) filter?: TransactionFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<TransactionConnection> {
    const range = {
      ...(filter?.from ? { from: instantArgument('filter.from', filter.from) } : {}),
      ...(filter?.to ? { to: instantArgument('filter.to', filter.to) } : {}),
    };
    const page = await queryTransactions(this.store, merchantInScope(context, merchantId), { ...filter, ...range }, firstArgument(first), after ? decodeCursor(after) : undefined);
    const edges = page.transactions.map(({ cursor, transaction }) => ({ cursor: encodeCursor(cursor), node: transaction }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges[edges.length - 1]?.cursor } };
  }

  @Query(() => Transaction, {
    nullable: true,
    description: "A sale with its events in order; null when it is not the caller's to see. Transaction ids are the terminals' own: "
      + 'when two terminals used the same id, name terminalId (an auditor: merchantId too).',
  })
  async transaction(
    @Context() context: ReportsContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('merchantId', { type: () => ID, nullable: true }) merchantId?: string,
    @Args('terminalId', { type: () => ID, nullable: true }) terminalId?: string,
  ): Promise<Transaction | undefined> {
    const auditorSearchingAll = context.grant?.role === 'auditor' && !merchantId;
    const scope = { merchantId: auditorSearchingAll ? undefined : merchantInScope(context, merchantId), ...(terminalId ? { terminalId } : {}) };
    const found = await queryTransaction(this.store, id, scope);
    if (found.length > 1) throw new AmbiguousTransactionError(id, found.length);
    return found[0];
  }

  @ResolveField(() => [LedgerEvent])
  events(@Parent() transaction: Transaction): Promise<LedgerEvent[]> {
    return queryTransactionEvents(this.store, transaction);
  }
}
