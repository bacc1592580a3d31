import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { querySettlementBatches } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { periodArguments, TIME_ARGUMENT_FORMS } from '../graphql/time-argument';
import { READ_STORE } from '../reports.tokens';
import { MerchantTimeZones } from '../merchants/merchant-time-zones';
import { SettlementBatch } from './settlement-batch.types';

@Resolver(() => SettlementBatch)
export class SettlementBatchesResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore, private readonly zones: MerchantTimeZones) {}

  @Query(() => [SettlementBatch], { description: 'Batches closed between from (inclusive) and to (exclusive), reconciled against the ledger, oldest first.' })
  async settlementBatches(
    @Context() context: ReportsContext,
    @Args('from', { description: `Inclusive start, by the batch's closedAt: ${TIME_ARGUMENT_FORMS}.` }) from: string,
    @Args('to', { description: `Exclusive end: ${TIME_ARGUMENT_FORMS}.` }) to: string,
    @MerchantIdArgument() merchantId?: string,
  ): Promise<SettlementBatch[]> {
    const merchant = merchantInScope(context, merchantId);
    const period = periodArguments(from, to, await this.zones.of(merchant));
    return querySettlementBatches(this.store, merchant, period.from, period.to);
  }
}
