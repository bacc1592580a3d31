import { Field, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';

@ObjectType({ description: 'pending: captured sales in open batches; settled: settled sales less refunds and what disputes hold or took back; fees: charged at settlement; available = settled - fees; held: in open disputes; cash: taken at the counter, never in available.' })
export class Balance {
  @Field(() => String, { description: 'ISO 4217 currency of the amounts.' }) currency!: string;
  @Field(() => Money, { description: 'Approved sales in batches not yet closed (less voids).' }) pending!: Money;
  @Field(() => Money, { description: 'Sales of closed batches, less refunds.' }) settled!: Money;
  @Field(() => Money, { description: 'Fees charged when batches closed (and chargeback fees), less fees refunds gave back.' }) fees!: Money;
  @Field(() => Money, { description: 'settled - fees: what the merchant is owed.' }) available!: Money;
  @Field(() => Money, { description: 'What open disputes (chargebacks) hold out of settled until the acquirer decides: the merchant\'s again if won, the cardholder\'s if lost.' })
  held!: Money;
  @Field(() => Money, { description: 'Cash sales less cash voids and refunds: kept in the drawer by the merchant, never settled or paid out.' }) cash!: Money;
}
