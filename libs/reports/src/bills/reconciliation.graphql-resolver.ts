import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { ReadStore } from '@posledger/read-store';
import { queryReconciliation, type Reconciliation as ReconciliationView } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { READ_STORE } from '../reports.tokens';
import { BILL_DATE_FORM, billDate } from './bill-date';
import { Reconciliation } from './reconciliation.types';

/** NO_BILLS, MATCHED, OPEN or RESOLVED: see the type's description. */
function statusOf(view: ReconciliationView): string {
  if (view.files.length === 0) return 'NO_BILLS';
  if (view.discrepancies.length === 0) return 'MATCHED';
  return view.discrepancies.some((found) => found.status === 'OPEN' || found.status === 'INVESTIGATE') ? 'OPEN' : 'RESOLVED';
}

@Resolver(() => Reconciliation)
export class ReconciliationResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  @Query(() => Reconciliation, { description: "The merchant's reconciliation of a day against the WeChat Pay, Alipay and acquirer bills imported for it." })
  async reconciliation(
    @Context() context: ReportsContext,
    @Args('date', { description: `The bills' day: ${BILL_DATE_FORM}.` }) date: string,
    @MerchantIdArgument() merchantId?: string,
  ): Promise<Reconciliation> {
    const merchant = merchantInScope(context, merchantId);
    const view = await queryReconciliation(this.store, merchant, billDate('date', date));
    return {
      ...view,
      status: statusOf(view),
      files: [...view.files],
      discrepancies: view.discrepancies.map((found) => ({ ...found, decisions: [...found.decisions] })),
      threeWay: view.threeWay.map(({ terminalMinor, ledgerMinor, billMinor, currency, ...line }) => ({
        ...line, terminalAmount: { currency, minor: terminalMinor }, ledgerAmount: { currency, minor: ledgerMinor }, billAmount: { currency, minor: billMinor },
      })),
    };
  }
}
