import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ReconciliationStatus } from '@posledger/domain';
import { Money } from '../graphql/money.type';

const RECONCILIATION_STATUS: Record<ReconciliationStatus, ReconciliationStatus> = { MATCHED: 'MATCHED', MISMATCH: 'MISMATCH' };
registerEnumType(RECONCILIATION_STATUS, {
  name: 'ReconciliationStatus',
  description: "Whether a batch's terminal totals equal the ledger's.",
  valuesMap: {
    MATCHED: { description: 'The terminal and the ledger agree on every method and currency.' },
    MISMATCH: { description: 'They differ (see differences), or the batch closed over a skipped sequence gap.' },
  },
});

@ObjectType({ description: 'The count and amount of one payment method and currency in a batch or a shift.' })
export class SettlementTotal {
  @Field(() => String, { description: 'The payment method: DEBIT, CREDIT, WECHAT_PAY, ALIPAY, CASH (more may be added).' }) method!: string;
  @Field(() => Int, { description: 'Sales counted.' }) count!: number;
  @Field(() => Money, { description: 'Their amount.' }) amount!: Money;
}

@ObjectType({ description: 'Terminal minus ledger, for each method and currency where they differ.' })
export class SettlementDifference {
  @Field(() => String, { description: 'The payment method.' }) method!: string;
  @Field(() => Int, { description: "The terminal's count minus the ledger's." }) countDifference!: number;
  @Field(() => Money, { description: "The terminal's amount minus the ledger's." }) amountDifference!: Money;
}

@ObjectType({ description: 'A settlement batch a terminal closed, reconciled against the ledger.' })
export class SettlementBatch {
  @Field(() => String, { description: 'The terminal that closed the batch.' }) terminalId!: string;
  @Field(() => Int, { description: "The terminal's batch number." }) batchNumber!: number;
  @Field(() => String, { description: 'When the terminal closed it (ISO-8601, UTC).' }) closedAt!: string;
  @Field(() => RECONCILIATION_STATUS, { description: 'MATCHED or MISMATCH.' }) status!: ReconciliationStatus;
  @Field(() => [SettlementTotal], { description: 'The totals the terminal reported.' }) terminalTotals!: SettlementTotal[];
  @Field(() => [SettlementTotal], { description: "The ledger's totals of the sales the batch settled." }) ledgerTotals!: SettlementTotal[];
  @Field(() => [SettlementDifference], { description: 'Where the two differ; empty when MATCHED over no gap.' }) differences!: SettlementDifference[];
  @Field(() => [Money], { description: 'Fees charged on the batch, per currency.' }) fees!: Money[];
}
