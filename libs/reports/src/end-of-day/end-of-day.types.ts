import { Field, ObjectType } from '@nestjs/graphql';
import { SalesBucket } from '../sales-summary/sales-summary.types';
import { SettlementBatch } from '../settlements/settlement-batch.types';
import { Shift } from '../shifts/shift.types';

@ObjectType({
  description:
    "日结: one business day (the merchant's time zone) of the merchant or of one terminal: its turnover per method and in all, " +
    'the batches closed and the shifts opened that day. The same figures as salesSummary, settlementBatches and shifts for that day.',
})
export class EndOfDay {
  @Field(() => String, { description: 'The day asked for, e.g. 2026-11-23.' }) day!: string;
  @Field(() => String, { description: "The day's first instant in the merchant's time zone (ISO-8601, UTC)." }) from!: string;
  @Field(() => String, { description: "The next day's first instant: the day ends just before it." }) to!: string;
  @Field(() => String, { nullable: true, description: 'The terminal reported on; null for the whole merchant.' }) terminalId!: string | null;
  @Field(() => [SalesBucket], { description: "The day's sales per currency (key: the currency), all methods together." }) totals!: SalesBucket[];
  @Field(() => [SalesBucket], { description: "The day's sales per payment method (key: the method) and currency." }) byMethod!: SalesBucket[];
  @Field(() => [SettlementBatch], { description: 'Batches closed that day, oldest first.' }) settlements!: SettlementBatch[];
  @Field(() => [Shift], { description: 'Shifts opened that day, newest first, each closed one with its report.' }) shifts!: Shift[];
}
