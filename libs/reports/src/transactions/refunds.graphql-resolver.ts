import { Inject } from '@nestjs/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { queryRefund, queryTransaction, type Refund as RefundView } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { READ_STORE } from '../reports.tokens';
import { AmbiguousTransactionError } from './ambiguous-transaction.error';
import { Refund } from './refund.types';
import { Transaction } from './transaction.types';

@Resolver(() => Refund)
export class RefundsResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => Refund, { nullable: true, description: "An approved refund by its id, with the sale it refunds; null when it is not the caller's to see." })
  async refund(
    @Context() context: ReportsContext,
    @Args('id', { type: () => ID, description: "The terminal's id of the refund." }) id: string,
    @MerchantIdArgument() merchantId?: string,
    @Args('terminalId', { type: () => ID, nullable: true, description: 'The terminal, when several used the id.' }) terminalId?: string,
  ): Promise<RefundView | undefined> {
    const found = await queryRefund(this.store, id, { merchantId: merchantInScope(context, merchantId), ...(terminalId ? { terminalId } : {}) });
    if (found.length > 1) throw new AmbiguousTransactionError(id, found.length);
    return found[0];
  }

  @ResolveField(() => Transaction, { nullable: true })
  async sale(@Parent() refund: RefundView): Promise<Transaction | undefined> {
    const [sale] = await queryTransaction(this.store, refund.saleId, { merchantId: refund.merchantId, terminalId: refund.terminalId });
    return sale;
  }
}
