import { Inject } from '@nestjs/common';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { instantArgument } from '../graphql/instant';
import { READ_STORE } from '../reports.tokens';
import { SettlementBatch } from './settlement-batch.types';
import { querySettlementBatches } from '@posledger/views';

@Resolver(() => SettlementBatch)
export class SettlementBatchesResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => [SettlementBatch], { description: 'Batches closed between from (inclusive) and to (exclusive), reconciled against the ledger.' })
  settlementBatches(
    @Context() context: ReportsContext,
    @Args('from') from: string,
    @Args('to') to: string,
    @Args('merchantId', { type: () => ID, nullable: true }) merchantId?: string,
  ): Promise<SettlementBatch[]> {
    return querySettlementBatches(this.store, merchantInScope(context, merchantId), instantArgument('from', from), instantArgument('to', to));
  }
}
