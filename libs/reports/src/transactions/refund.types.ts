import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';
import { Transaction } from './transaction.types';

@ObjectType({ description: 'An approved refund, and the sale it refunds.' })
export class Refund {
  @Field(() => ID, { description: "The terminal's own id of the refund (the transaction_id of its postings in the ledger export)." }) id!: string;
  @Field(() => String, { description: 'The terminal that made the refund.' }) terminalId!: string;
  @Field(() => Money, { description: 'The amount refunded.' }) amount!: Money;
  @Field(() => String, { description: "The refund's terminal occurredAt, ISO-8601 UTC." }) occurredAt!: string;
  @Field(() => ID, { description: 'The id of the sale it refunds.' }) saleId!: string;
  @Field(() => Transaction, { nullable: true, description: 'The sale it refunds.' }) sale?: Transaction;
}
