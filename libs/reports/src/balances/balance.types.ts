import { Field, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';

@ObjectType({ description: 'pending: captured sales in open batches; settled: settled sales less refunds; fees: charged at settlement; available = settled - fees; cash: taken at the counter, never in available.' })
export class Balance {
  @Field(() => String, { description: 'ISO 4217 currency of the amounts.' }) currency!: string;
  @Field(() => Money, { description: 'Approved sales in batches not yet closed (less voids).' }) pending!: Money;
  @Field(() => Money, { description: 'Sales of closed batches, less refunds.' }) settled!: Money;
  @Field(() => Money, { description: 'Fees charged when batches closed.' }) fees!: Money;
  @Field(() => Money, { description: 'settled - fees: what the merchant is owed.' }) available!: Money;
  @Field(() => Money, { description: 'Cash sales less cash voids and refunds: kept in the drawer by the merchant, never settled or paid out.' }) cash!: Money;
}
