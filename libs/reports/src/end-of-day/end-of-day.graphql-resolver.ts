import { Inject } from '@nestjs/common';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { fromClickHouseDateTime, type ReadStore } from '@posledger/read-store';
import { querySalesSummary, querySettlementBatches, queryShifts } from '@posledger/views';
import { merchantInScope, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { dayArgument } from '../graphql/time-argument';
import { READ_STORE } from '../reports.tokens';
import { MerchantTimeZones } from '../merchants/merchant-time-zones';
import { dayTotals } from './day-totals';
import { EndOfDay } from './end-of-day.types';

@Resolver(() => EndOfDay)
export class EndOfDayResolver {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore, private readonly zones: MerchantTimeZones) {}

  @Query(() => EndOfDay, { description: "日结: a business day's report of the merchant, or of one of its terminals." })
  async endOfDay(
    @Context() context: ReportsContext,
    @Args('day', { description: "A date alone (2026-11-23): that day in the merchant's time zone." }) day: string,
    @Args('terminalId', { type: () => ID, nullable: true, description: 'One terminal of the merchant; the whole merchant when not given.' }) terminalId?: string,
    @MerchantIdArgument() merchantId?: string,
  ): Promise<EndOfDay> {
    const merchant = merchantInScope(context, merchantId);
    const timeZone = await this.zones.of(merchant);
    const { from, to } = dayArgument('day', day, timeZone);
    const ofTerminal = <T extends { terminalId: string }>(rows: readonly T[]): T[] => rows.filter((row) => terminalId === undefined || row.terminalId === terminalId);
    const byMethod = await querySalesSummary(this.store, {
      merchantId: merchant, from, to, groupBy: 'PAYMENT_METHOD', timeZone, ...(terminalId !== undefined ? { terminalId } : {}),
    });
    return {
      day,
      from: fromClickHouseDateTime(from),
      to: fromClickHouseDateTime(to),
      terminalId: terminalId ?? null,
      totals: dayTotals(byMethod),
      byMethod,
      settlements: ofTerminal(await querySettlementBatches(this.store, merchant, from, to)),
      shifts: ofTerminal(await queryShifts(this.store, merchant, from, to)),
    };
  }
}
