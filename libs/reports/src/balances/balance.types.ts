import { Field, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';

@ObjectType({ description: 'pending: captured sales in open batches; settled: settled sales less refunds, what disputes hold or took back and what payouts took; fees: charged at settlement, less those payouts deducted; available = settled - fees; held: in open disputes; inTransit: payouts on their way to the bank; paidOut: payouts the bank confirmed (paidOut + inTransit + available + held = the net takings); cash: taken at the counter, never in available.' })
export class Balance {
  @Field(() => String, { description: 'ISO 4217 currency of the amounts.' }) currency!: string;
  @Field(() => Money, { description: 'Approved sales in batches not yet closed (less voids).' }) pending!: Money;
  @Field(() => Money, { description: 'Sales of closed batches, less refunds and what payouts took.' }) settled!: Money;
  @Field(() => Money, { description: 'Fees charged when batches closed (and chargeback fees), less fees refunds gave back and those payouts deducted.' }) fees!: Money;
  @Field(() => Money, { description: 'settled - fees: what the merchant is owed and no payout has taken yet.' }) available!: Money;
  @Field(() => Money, { description: 'What open disputes (chargebacks) hold out of settled until the acquirer decides: the merchant\'s again if won, the cardholder\'s if lost.' })
  held!: Money;
  @Field(() => Money, { description: 'Payouts scheduled and not yet confirmed by the bank: on their way to the merchant\'s account (a failed one goes back to available).' })
  inTransit!: Money;
  @Field(() => Money, { description: 'Payouts the bank confirmed: in the merchant\'s account.' }) paidOut!: Money;
  @Field(() => Money, { description: 'Cash sales less cash voids and refunds: kept in the drawer by the merchant, never settled or paid out.' }) cash!: Money;
}
