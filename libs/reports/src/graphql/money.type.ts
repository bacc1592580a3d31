import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An exact amount: a decimal string of integer minor units of its ISO 4217 currency.' })
export class Money {
  @Field(() => String, { description: 'ISO 4217 currency code.' }) currency!: string;
  @Field(() => String, { description: 'Integer minor units as a decimal string, e.g. "1234" for 12.34 CNY.' }) minor!: string;
}
