import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ReconciliationStatus } from '@posledger/domain';
import { Money } from '../graphql/money.type';

const RECONCILIATION_STATUS: Record<ReconciliationStatus, ReconciliationStatus> = { MATCHED: 'MATCHED', MISMATCH: 'MISMATCH' };
registerEnumType(RECONCILIATION_STATUS, { name: 'ReconciliationStatus' });

@ObjectType()
export class SettlementTotal {
  @Field(() => String) method!: string;
  @Field(() => Int) count!: number;
  @Field(() => Money) amount!: Money;
}

@ObjectType({ description: 'Terminal minus ledger, for each method and currency where they differ.' })
export class SettlementDifference {
  @Field(() => String) method!: string;
  @Field(() => Int) countDifference!: number;
  @Field(() => Money) amountDifference!: Money;
}

@ObjectType()
export class SettlementBatch {
  @Field(() => String) terminalId!: string;
  @Field(() => Int) batchNumber!: number;
  @Field(() => String) closedAt!: string;
  @Field(() => RECONCILIATION_STATUS) status!: ReconciliationStatus;
  @Field(() => [SettlementTotal]) terminalTotals!: SettlementTotal[];
  @Field(() => [SettlementTotal]) ledgerTotals!: SettlementTotal[];
  @Field(() => [SettlementDifference]) differences!: SettlementDifference[];
  @Field(() => [Money]) fees!: Money[];
}
