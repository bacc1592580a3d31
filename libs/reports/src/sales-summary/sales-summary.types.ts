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
  valuesMap: {
    DAY: { description: "The merchant's calendar day, e.g. 2026-11-23." },
    HOUR: { description: "The hour of the merchant's day, e.g. 2026-11-23T14 (a repeated hour when clocks go back is one bucket)." },
    PAYMENT_METHOD: { description: 'DEBIT, CREDIT, WECHAT_PAY, ALIPAY, CASH (more may be added).' },
    TERMINAL: { description: 'The terminal id.' },
    CARD_SCHEME: { description: 'VISA, MASTERCARD, UNIONPAY, ...; NONE for QR wallets.' },
  },
});

@ObjectType({
  description:
    "One bucket per key (and splitKey, when split) and currency. Sales, voids and fees fall in the sale's bucket (the terminal's occurredAt); " +
    "refunds in the refund's. count and gross: approved sales not voided; tips: their tips, apart; " +
    "offlineDeclined: offline sales the host declined, in the decline's bucket (the merchant's loss); " +
    "disputes: chargebacks lost, in the loss's bucket (the acquirer's fee for each in fees); net = gross + tips - refunds - fees - offlineDeclined - disputes.",
})
export class SalesBucket {
  @Field(() => String, { description: 'The bucket of the groupBy grouping.' }) key!: string;
  @Field(() => String, { nullable: true, description: 'The bucket of the splitBy grouping within key; null when the summary is not split.' })
  splitKey?: string;
  @Field(() => Int, { description: 'Approved sales not voided.' }) count!: number;
  @Field(() => Money, { description: 'The amount of the approved sales not voided.' }) gross!: Money;
  @Field(() => Money, { description: 'Refunds approved (at the time of the refund).' }) refunds!: Money;
  @Field(() => Money, { description: 'The amount of the voided sales (not in gross).' }) voids!: Money;
  @Field(() => Money, { description: 'The tips (gratuity) of the approved sales not voided, apart from gross.' }) tips!: Money;
  @Field(() => Money, { description: "Fees charged when the sales settled (zero for sales still in an open batch), less the part refunds gave back under the merchant's RETURNED refund fee policy (in the refund's bucket), plus the acquirer's fee on each chargeback lost (in the loss's bucket)." }) fees!: Money;
  @Field(() => Money, { description: "Offline sales (store-and-forward) the host declined once forwarded: sold, never to be paid, the merchant's loss." })
  offlineDeclined!: Money;
  @Field(() => Money, { description: "The amounts of the chargebacks the merchant lost, at the time they were lost, in the disputed sale's method and scheme (the acquirer's fee for each is in fees)." })
  disputes!: Money;
  @Field(() => Money, { description: 'gross + tips - refunds - fees - offlineDeclined - disputes.' }) net!: Money;
}
