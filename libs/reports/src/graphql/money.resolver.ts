import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { currencyExponent } from '@posledger/domain';
import { Money } from './money.type';

@Resolver(() => Money)
export class MoneyResolver {
  @ResolveField(() => Int, { description: 'Decimal places of the minor unit (ISO 4217): minor "1234" with exponent 2 is 12.34, with 0 is 1234.' })
  exponent(@Parent() money: Money): number {
    const exponent = currencyExponent(money.currency);
    // Every amount the ledger records is in a currency it knows: an unknown one is a fault, not a client's mistake.
    if (exponent === undefined) throw new Error(`no ISO 4217 exponent for currency ${money.currency}`);
    return exponent;
  }
}
