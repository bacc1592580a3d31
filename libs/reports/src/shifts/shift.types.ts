import { Field, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';
import { SettlementTotal as MethodTotal } from '../settlements/settlement-batch.types';

@ObjectType({ description: "A cashier's shift (交班) at a terminal; once closed, its report." })
export class Shift {
  @Field(() => String, { description: 'The id of the terminal event that opened it.' }) shiftId!: string;
  @Field(() => String, { description: 'The terminal.' }) terminalId!: string;
  @Field(() => String, { description: 'The operator whose shift it is.' }) operatorId!: string;
  @Field(() => String, { description: 'OPEN or CLOSED.' }) status!: string;
  @Field(() => String, { description: 'When it opened (ISO-8601, UTC).' }) openedAt!: string;
  @Field(() => String, { nullable: true, description: 'When it closed; null while open.' }) closedAt!: string | null;
  @Field(() => Money, { description: 'Cash in the drawer at the opening.' }) openingCash!: Money;
  @Field(() => Money, { nullable: true, description: 'Cash the drawer should hold at the close (the opening cash: cash sales are not in the protocol yet).' })
  expectedCash!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Cash the operator counted at the close.' }) countedCash!: Money | null;
  @Field(() => Money, { nullable: true, description: 'Counted minus expected: negative when the drawer is short.' }) overShort!: Money | null;
  @Field(() => [MethodTotal], { description: 'Sales approved during the shift, per method and currency (filled at the close).' }) sales!: MethodTotal[];
  @Field(() => [MethodTotal], { description: 'Voids made during the shift.' }) voids!: MethodTotal[];
  @Field(() => [MethodTotal], { description: 'Refunds made during the shift.' }) refunds!: MethodTotal[];
  @Field(() => [MethodTotal], { description: 'Tips on card sales taken during the shift (apart from sales), less those of sales voided in it.' }) tips!: MethodTotal[];
}
