import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';

export enum SalesGrouping {
  DAY = 'DAY',
  HOUR = 'HOUR',
  PAYMENT_METHOD = 'PAYMENT_METHOD',
  TERMINAL = 'TERMINAL',
  CARD_SCHEME = 'CARD_SCHEME',
}

registerEnumType(SalesGrouping, {
  name: 'SalesGrouping',
  description: "Bucket keys: DAY 2026-11-23 and HOUR 2026-11-23T14 in the merchant's time zone; ALIPAY; t-1; VISA (NONE for QR).",
});

@ObjectType({
  description:
    "One bucket per key and currency. Sales, voids and fees fall in the sale's bucket (the terminal's occurredAt); refunds in the refund's. count and gross: approved sales not voided; net = gross - refunds - fees.",
})
export class SalesBucket {
  @Field(() => String) key!: string;
  @Field(() => Int) count!: number;
  @Field(() => Money) gross!: Money;
  @Field(() => Money) refunds!: Money;
  @Field(() => Money) voids!: Money;
  @Field(() => Money) fees!: Money;
  @Field(() => Money) net!: Money;
}
