import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';

@ObjectType({ description: "An outside bill imported for the day: WeChat Pay's or Alipay's trade bill, or the acquirer's settlement file." })
export class BillFile {
  @Field(() => String, { description: 'wechat-pay, alipay, acquirer or bank.' }) source!: string;
  @Field(() => String, { description: "Hex SHA-256 of the file's bytes as received: the same bytes imported again change nothing." }) sha256!: string;
  @Field(() => String, { description: 'The name the file was imported under.' }) fileName!: string;
  @Field(() => String, { description: 'Who imported it.' }) importedBy!: string;
  @Field(() => String, { description: 'When, ISO-8601 UTC.' }) importedAt!: string;
  @Field(() => Int, { description: 'Trades the file lists.' }) lines!: number;
  @Field(() => Int, { description: 'Lines that matched the ledger exactly (reference, amount and fee).' }) matched!: number;
  @Field(() => Int, { description: 'Discrepancies its reconciliation found.' }) discrepancies!: number;
  @Field(() => String, { description: 'The event-store position the ledger was read through, a decimal string.' }) throughPosition!: string;
  @Field(() => Boolean, { description: "True for the source's latest file of the day: the one the discrepancies and the three-way match below come from." }) current!: boolean;
}

@ObjectType({ description: 'A decision on a discrepancy, with who made it and when.' })
export class DiscrepancyDecision {
  @Field(() => String, { description: 'ACCEPT_BILL, WRITE_OFF or INVESTIGATE.' }) decision!: string;
  @Field(() => String, { description: 'Why.' }) note!: string;
  @Field(() => String, { description: 'Who decided.' }) decidedBy!: string;
  @Field(() => String, { description: 'When, ISO-8601 UTC.' }) decidedAt!: string;
}

@ObjectType({ description: 'A bill line and the ledger disagreeing, or one side without the other.' })
export class Discrepancy {
  @Field(() => String, { description: 'DSC-000001, ...' }) id!: string;
  @Field(() => String, { description: 'The bill it came from: wechat-pay, alipay, acquirer or bank.' }) source!: string;
  @Field(() => String, { description: "Hex SHA-256 of the file it was found in (the source's current file of the day)." }) sha256!: string;
  @Field(() => String, {
    description: 'MISSING_IN_LEDGER (in the bill, not in the ledger), MISSING_IN_BILL (in the ledger, not in the bill), AMOUNT_DIFFERS, FEE_DIFFERS (from the fee the ledger charged by the merchant\'s schedule), or STATUS_DIFFERS (the bank credited a payout the ledger has as returned, or the other way round).',
  }) kind!: string;
  @Field(() => String, { description: 'SALE, REFUND, CHARGEBACK, PAYOUT_PAID or PAYOUT_RETURNED.' }) tradeKind!: string;
  @Field(() => String, { description: "The sender's reference (the wallet's transaction id, the acquirer's reference number)." }) reference!: string;
  @Field(() => Int, { nullable: true, description: "The bill's line; null when the bill lacks the trade." }) lineNumber?: number;
  @Field(() => String, { nullable: true, description: "The ledger's terminal; null when the ledger lacks the trade." }) terminalId?: string;
  @Field(() => String, { nullable: true, description: "The ledger's transaction (a refund's refund id; a payout's id for the bank); null when the ledger lacks it." }) transactionId?: string;
  @Field(() => Money, { nullable: true, description: 'What the bill says was paid or given back.' }) billAmount?: Money;
  @Field(() => Money, { nullable: true, description: 'What the ledger recorded.' }) ledgerAmount?: Money;
  @Field(() => Money, { nullable: true, description: 'The fee the bill charged (negative: given back).' }) billFee?: Money;
  @Field(() => Money, { nullable: true, description: "The fee the ledger charged; null before the sale's batch closed." }) ledgerFee?: Money;
  @Field(() => String, { description: 'OPEN until someone decides, then the latest decision: INVESTIGATE, ACCEPT_BILL or WRITE_OFF.' }) status!: string;
  @Field(() => DiscrepancyDecision, { nullable: true, description: 'The latest decision; null while OPEN.' }) decision?: DiscrepancyDecision;
  @Field(() => [DiscrepancyDecision], { description: 'Every decision on it, oldest first (an investigation, then what was decided).' }) decisions!: DiscrepancyDecision[];
  @Field(() => String, { description: 'When the reconciliation found it, ISO-8601 UTC.' }) foundAt!: string;
}

@ObjectType({ description: "The terminal's totals, the ledger's and the bill's side by side, for one batch closed that day or for the whole day, in one currency." })
export class ThreeWayMatch {
  @Field(() => String, { description: 'The bill: wechat-pay, alipay or acquirer (only its payment methods count).' }) source!: string;
  @Field(() => String, { description: 'BATCH or DAY.' }) scope!: string;
  @Field(() => String, { description: "The batch's terminal; empty for the day." }) terminalId!: string;
  @Field(() => Int, { description: "The batch's number; 0 for the day." }) batchNumber!: number;
  @Field(() => Int, { description: 'How many sales the terminal counted.' }) terminalCount!: number;
  @Field(() => Money, { description: 'What the terminal counted at the batch close.' }) terminalAmount!: Money;
  @Field(() => Int, { description: 'How many sales the ledger settled.' }) ledgerCount!: number;
  @Field(() => Money, { description: 'What the ledger settled.' }) ledgerAmount!: Money;
  @Field(() => Int, { description: "How many sales the bill lists (matched to the batch; for the day, all of them)." }) billCount!: number;
  @Field(() => Money, { description: "The bill's sales (matched to the batch; for the day, every sale of the bill)." }) billAmount!: Money;
  @Field(() => String, { description: 'MATCHED when all three agree, else MISMATCH.' }) status!: string;
}

@ObjectType({ description: "A day's reconciliation against the outside bills imported for it." })
export class Reconciliation {
  @Field(() => String, { description: "The bills' business day, YYYY-MM-DD." }) date!: string;
  @Field(() => String, { description: 'NO_BILLS, MATCHED (every current bill agrees), OPEN (a discrepancy awaits a decision or is under investigation) or RESOLVED (each one decided).' }) status!: string;
  @Field(() => [BillFile], { description: 'Every bill file imported for the day, by source then import.' }) files!: BillFile[];
  @Field(() => [Discrepancy], { description: "The discrepancies of each source's latest file, by id." }) discrepancies!: Discrepancy[];
  @Field(() => [ThreeWayMatch], { description: "Each source's current file's three-way match: its batches closed that day, then the day." }) threeWay!: ThreeWayMatch[];
}
