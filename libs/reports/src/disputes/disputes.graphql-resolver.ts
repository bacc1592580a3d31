import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { queryDisputes } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { InvalidArgumentError } from '../graphql/invalid-argument.error';
import { quotedValue } from '../graphql/quoted-value';
import { READ_STORE } from '../reports.tokens';
import { Dispute } from './dispute.types';

const STATUSES = ['OPEN', 'WON', 'LOST'];

@Resolver(() => Dispute)
export class DisputesResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => [Dispute], { description: "The merchant's disputes (chargebacks), newest first." })
  async disputes(
    @Context() context: ReportsContext,
    @Args('status', { nullable: true, description: 'Only disputes OPEN, WON or LOST.' }) status?: string,
    @MerchantIdArgument() merchantId?: string,
  ): Promise<Dispute[]> {
    const merchant = merchantInScope(context, merchantId);
    if (status !== undefined && status !== null && !STATUSES.includes(status)) throw new InvalidArgumentError(`status must be OPEN, WON or LOST, got ${quotedValue(status)}`);
    const disputes = await queryDisputes(this.store, merchant, status ?? undefined);
    return disputes.map((dispute) => ({ ...dispute, evidenceStatus: dispute.evidence === undefined ? 'NONE' : 'SUBMITTED' }));
  }
}
