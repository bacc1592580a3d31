import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A rate of the merchant's fee schedule: charged on each sale of the method when its batch settles." })
export class FeeRate {
  @Field(() => String, { description: 'The payment method: DEBIT, CREDIT, WECHAT_PAY or ALIPAY; CASH carries no fee.' }) method!: string;
  @Field(() => Int, { description: "Basis points of the sale's amount (hundredths of a percent): 180 is 1.80 %." }) basisPoints!: number;
}

@ObjectType({ description: 'A merchant as registered.' })
export class Merchant {
  @Field(() => ID, { description: 'The merchant id (what merchantId arguments name).' }) id!: string;
  @Field(() => String, { description: 'The name the merchant was registered with.' }) name!: string;
  @Field(() => String, { description: "IANA time zone: report days and hours, and dates given alone as arguments, are the merchant's days in it." })
  timeZone!: string;
  @Field(() => String, { description: 'ISO 4217 code of the currency the merchant trades in.' }) currency!: string;
  @Field(() => Int, { description: "Decimal places of the currency's minor unit (ISO 4217), e.g. 2 for CNY: what amounts typed by people are read in." })
  currencyExponent!: number;
  @Field(() => [FeeRate], { description: 'The fee rate of each payment method.' }) feeSchedule!: FeeRate[];
}
