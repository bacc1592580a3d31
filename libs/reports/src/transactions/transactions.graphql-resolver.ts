import { Inject } from '@nestjs/common';
import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { queryTransaction, queryTransactionEvents, queryTransactionPostings, queryTransactions } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { firstArgument } from '../graphql/page-size';
import { READ_STORE } from '../reports.tokens';
import { MerchantTimeZones } from '../merchants/merchant-time-zones';
import { AmbiguousTransactionError } from './ambiguous-transaction.error';
import { decodeCursor, encodeCursor } from './transaction-cursor';
import { readTransactionFilter } from './transaction-filter';
import { LedgerEvent, Posting, Transaction, TransactionConnection, TransactionFilter } from './transaction.types';

@Resolver(() => Transaction)
export class TransactionsResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore, private readonly zones: MerchantTimeZones) {}

  @Query(() => TransactionConnection, { description: 'Sales newest first; `first`: 1 to 100 (default 50); `after` takes the endCursor of the previous page.' })
  async transactions(
    @Context() context: ReportsContext,
    @MerchantIdArgument() merchantId?: string,
    @Args('filter', { type: () => TransactionFilter, nullable: true, description: 'Only the sales that match.' }) filter?: TransactionFilter,
    @Args('first', { type: () => Int, nullable: true, description: 'How many sales: 1 to 100, 50 when not given.' }) first?: number,
    @Args('after', { nullable: true, description: 'The endCursor of the previous page.' }) after?: string,
  ): Promise<TransactionConnection> {
    const merchant = merchantInScope(context, merchantId);
    const read = filter && readTransactionFilter(filter, await this.zones.of(merchant), 'filter.');
    const page = await queryTransactions(this.store, merchant, read, firstArgument(first), after ? decodeCursor(after) : undefined);
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
    @Args('id', { type: () => ID, description: "The terminal's transaction id of the sale." }) id: string,
    @Args('merchantId', { type: () => ID, nullable: true, description: 'Auditors: the merchant (without it, an auditor searches every merchant). A merchant may name only its own.' })
    merchantId?: string,
    @Args('terminalId', { type: () => ID, nullable: true, description: 'The terminal, when several used the id.' }) terminalId?: string,
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

  @ResolveField(() => [Posting], { description: 'The postings of the sale and of its refunds, in ledger order (a batch close posts per batch, not per sale).' })
  postings(@Parent() transaction: Transaction): Promise<Posting[]> {
    return queryTransactionPostings(this.store, transaction);
  }
}
