import { Inject } from '@nestjs/common';
import { Context, Query, Resolver } from '@nestjs/graphql';
import { currencyExponent, SETTLED_METHODS } from '@posledger/domain';
import type { MerchantProfile, RegistryView } from '@posledger/registry';
import { merchantInScope, requireAuditor, type ReportsContext } from '../auth/grant-context';
import { MerchantIdArgument } from '../auth/merchant-id.argument';
import { MERCHANT_REGISTRY } from '../reports.tokens';
import { Merchant } from './merchant.types';

const toMerchant = (profile: MerchantProfile): Merchant => ({
  id: profile.merchantId,
  name: profile.name,
  timeZone: profile.timeZone,
  currency: profile.currency,
  // Registration refuses a currency without an exponent.
  currencyExponent: currencyExponent(profile.currency) ?? 0,
  feeSchedule: SETTLED_METHODS.map((method) => ({ method, basisPoints: profile.feeSchedule[method] })),
});

@Resolver(() => Merchant)
export class MerchantsResolver {
  constructor(@Inject(MERCHANT_REGISTRY) private readonly registry: RegistryView) {}

  @Query(() => Merchant, {
    nullable: true,
    description:
      "The signed-in merchant's profile (name, time zone, currency, fees). An auditor names merchantId; without it an auditor gets null " +
      '(and lists the merchants with `merchants`); so does a merchantId that is not registered.',
  })
  async merchant(
    @Context() context: ReportsContext,
    @MerchantIdArgument() merchantId?: string,
  ): Promise<Merchant | null> {
    if (context.grant?.role === 'auditor' && !merchantId) return null;
    const profile = await this.registry.merchant(merchantInScope(context, merchantId));
    return profile ? toMerchant(profile) : null;
  }

  @Query(() => [Merchant], { description: 'Auditors: every registered merchant, by name.' })
  async merchants(@Context() context: ReportsContext): Promise<Merchant[]> {
    requireAuditor(context);
    await this.registry.refresh();
    return this.registry.merchants()
      .map(toMerchant)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}
