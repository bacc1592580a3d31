import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';

@ObjectType({ description: 'An event of the ledger that concerns a sale, in the order the ledger recorded it.' })
export class LedgerEvent {
  @Field(() => String) position!: string;
  @Field(() => String) id!: string;
  @Field(() => String, { description: 'TerminalEventRecorded, SaleApproved, TerminalEventRejected (data.code and data.reason), BatchClosed, ...' }) type!: string;
  @Field(() => String) occurredAt!: string;
  @Field(() => String) recordedAt!: string;
  @Field(() => String, { description: 'The event data as JSON.' }) data!: string;
}

@ObjectType()
export class Transaction {
  @Field(() => ID) id!: string;
  @Field(() => String) merchantId!: string;
  @Field(() => String) terminalId!: string;
  @Field(() => String, { description: 'APPROVED, DECLINED, REVERSED, VOIDED or SETTLED.' }) status!: string;
  @Field(() => String) method!: string;
  @Field(() => String) scheme!: string;
  @Field(() => String, { nullable: true }) maskedPan?: string;
  @Field(() => Money) amount!: Money;
  @Field(() => Money) refunded!: Money;
  @Field(() => String) occurredAt!: string;
  @Field(() => [LedgerEvent], { nullable: true }) events?: LedgerEvent[];
}

@ObjectType()
export class TransactionEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Transaction) node!: Transaction;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor?: string;
}

@ObjectType({ description: 'Newest sale first.' })
export class TransactionConnection {
  @Field(() => [TransactionEdge]) edges!: TransactionEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@InputType()
export class TransactionFilter {
  @Field(() => String, { nullable: true }) status?: string;
  @Field(() => String, { nullable: true }) method?: string;
  @Field(() => String, { nullable: true }) terminalId?: string;
  @Field(() => String, { nullable: true, description: 'Sale occurredAt from (inclusive).' }) from?: string;
  @Field(() => String, { nullable: true, description: 'Sale occurredAt to (exclusive).' }) to?: string;
}

