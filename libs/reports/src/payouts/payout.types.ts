import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { PayoutStatus } from '@posledger/domain';
import { Money } from '../graphql/money.type';

const PAYOUT_STATUS: Record<PayoutStatus, PayoutStatus> = { IN_TRANSIT: 'IN_TRANSIT', PAID: 'PAID', FAILED: 'FAILED' };
registerEnumType(PAYOUT_STATUS, {
  name: 'PayoutStatus',
  description: 'Where a payout stands.',
  valuesMap: {
    IN_TRANSIT: { description: "Scheduled: on its way to the merchant's bank account." },
    PAID: { description: "The bank confirmed it reached the merchant's account." },
    FAILED: { description: 'The bank returned it: its funds are available again and go with the next payout.' },
  },
});

@ObjectType({ description: "What one ledger event (a batch close, a refund, a dispute...) changed in the merchant's funds, paid by a payout." })
export class PayoutLine {
  @Field(() => String, { description: "The event's position in the ledger's global order, a decimal string." }) position!: string;
  @Field(() => String, { description: 'The terminal the event concerns.' }) terminalId!: string;
  @Field(() => String, { description: 'The ledger event type: BatchClosed, RefundApproved, DisputeOpened...' }) eventType!: string;
  @Field(() => String, { description: 'The batch ("batch 3"), sale, refund or dispute it concerns.' }) reference!: string;
  @Field(() => Money, { description: 'What it added to settled funds (negative: took from them).' }) settled!: Money;
  @Field(() => Money, { description: 'What it added to fees (negative: gave fees back).' }) fees!: Money;
}

@ObjectType({ description: 'Funds of earlier cut-offs a payout pays too: a net that was not positive, or a failed payout returned.' })
export class PayoutBroughtForward {
  @Field(() => Money, { description: 'Settled funds brought forward.' }) settled!: Money;
  @Field(() => Money, { description: 'Fees brought forward.' }) fees!: Money;
}

@ObjectType({ description: "Net settled funds of one currency paid to the merchant's bank account on a value date: amount = settled - fees, the sum of its lines and of what it brings forward." })
export class Payout {
  @Field(() => ID, { description: 'The payout id (PO-000001), unique for the merchant.' }) id!: string;
  @Field(() => String, { description: 'ISO 4217 currency of the amounts.' }) currency!: string;
  @Field(() => Money, { description: 'settled - fees: what the bank pays the merchant.' }) amount!: Money;
  @Field(() => Money, { description: 'The settled funds it pays.' }) settled!: Money;
  @Field(() => Money, { description: 'The fees deducted from them.' }) fees!: Money;
  @Field(() => String, { description: "The date it is paid on, YYYY-MM-DD in the merchant's calendar." }) valueDate!: string;
  @Field(() => String, { description: 'The cut-off it pays the movements recorded before, ISO-8601 UTC.' }) cutoffAt!: string;
  @Field(() => PAYOUT_STATUS, { description: 'IN_TRANSIT, PAID or FAILED.' }) status!: PayoutStatus;
  @Field(() => [PayoutLine], { description: 'The ledger events it pays, in ledger order.' }) lines!: PayoutLine[];
  @Field(() => PayoutBroughtForward, { nullable: true, description: 'Funds of earlier cut-offs it pays too; null when none.' }) broughtForward!: PayoutBroughtForward | null;
  @Field(() => String, { nullable: true, description: "The bank's reference of the payment; null unless PAID." }) bankReference!: string | null;
  @Field(() => String, { nullable: true, description: 'When the bank confirmed it, ISO-8601 UTC; null unless PAID.' }) paidAt!: string | null;
  @Field(() => String, { nullable: true, description: 'When the bank returned it, ISO-8601 UTC; null unless FAILED.' }) failedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the bank returned it; null unless FAILED.' }) failureReason!: string | null;
}
