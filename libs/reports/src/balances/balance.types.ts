import { Field, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';

@ObjectType({ description: 'pending: captured sales in open batches; settled: settled sales less refunds; fees: charged at settlement; available = settled - fees.' })
export class Balance {
  @Field(() => String) currency!: string;
  @Field(() => Money) pending!: Money;
  @Field(() => Money) settled!: Money;
  @Field(() => Money) fees!: Money;
  @Field(() => Money) available!: Money;
}
