import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';

@ObjectType({ description: "A chargeback on a settled sale: held from the merchant's funds while OPEN; WON gives it back, LOST sends it to the cardholder." })
export class Dispute {
  @Field(() => ID, { description: 'The dispute id (the acquirer\'s case, or an operator\'s).' }) id!: string;
  @Field(() => String, { description: 'The terminal of the disputed sale.' }) terminalId!: string;
  @Field(() => String, { description: 'The disputed sale.' }) transactionId!: string;
  @Field(() => String, { description: 'OPEN, WON or LOST.' }) status!: string;
  @Field(() => String, { description: 'The sale\'s payment method.' }) method!: string;
  @Field(() => Money, { description: 'The disputed amount.' }) amount!: Money;
  @Field(() => Money, { description: "The acquirer's chargeback fee on a lost dispute; zero otherwise." }) fee!: Money;
  @Field(() => String, { description: 'Why the cardholder disputes the sale.' }) reason!: string;
  @Field(() => String, { description: "NONE until the merchant submits its evidence to the acquirer, then SUBMITTED (once)." }) evidenceStatus!: string;
  @Field(() => String, { nullable: true, description: "The merchant's evidence (a receipt, a delivery note, a reference); null until submitted." }) evidence?: string;
  @Field(() => String, { nullable: true, description: 'When the evidence was submitted, ISO-8601 UTC; null until then.' }) evidenceSubmittedAt?: string;
  @Field(() => String, { description: 'When it was opened, ISO-8601 UTC.' }) openedAt!: string;
  @Field(() => String, { nullable: true, description: 'When it was won or lost; null while OPEN.' }) resolvedAt?: string;
}
