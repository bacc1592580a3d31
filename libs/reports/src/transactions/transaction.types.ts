import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Money } from '../graphql/money.type';
import { TIME_ARGUMENT_FORMS } from '../graphql/time-argument';

@ObjectType({ description: 'An event of the ledger that concerns a sale, in the order the ledger recorded it.' })
export class LedgerEvent {
  @Field(() => String, { description: 'Position in the event store (decimal string): the ledger order.' }) position!: string;
  @Field(() => String, { description: 'The event id.' }) id!: string;
  @Field(() => String, { description: 'TerminalEventRecorded, SaleApproved, TerminalEventRejected (data.code and data.reason), BatchClosed, ...' }) type!: string;
  @Field(() => String, { description: 'When it happened at the counter (the terminal occurredAt; a batch: when it closed), ISO-8601 UTC.' }) occurredAt!: string;
  @Field(() => String, { description: 'When the platform recorded it, ISO-8601 UTC.' }) recordedAt!: string;
  @Field(() => String, { description: 'The event data as JSON (TerminalEventRecorded: the terminal event itself, under `event`).' }) data!: string;
}

@ObjectType({ description: 'A double-entry posting line of a sale or of one of its refunds.' })
export class Posting {
  @Field(() => String, { description: 'Position of the ledger event that posted it (decimal string).' }) position!: string;
  @Field(() => Int, { description: "The line's place among that event's postings." }) entry!: number;
  @Field(() => String, { description: 'The ledger event that posted it: SaleApproved (a completed pre-authorisation too), TipAdjusted, SaleVoided, RefundApproved, OfflineSaleDeclined, DisputeOpened, DisputeResolved.' }) eventType!: string;
  @Field(() => String, { description: 'merchant:pending, merchant:settled, merchant:fees, merchant:disputed, merchant:cash-drawer, merchant:cash-sales, acquirer:receivable or platform:fee-income.' }) account!: string;
  @Field(() => Money, { description: 'Debited amount (zero on a credit line).' }) debit!: Money;
  @Field(() => Money, { description: 'Credited amount (zero on a debit line).' }) credit!: Money;
  @Field(() => String, { description: 'When the platform recorded the event, ISO-8601 UTC.' }) recordedAt!: string;
}

@ObjectType({ description: "A sale, as its terminal's events and the ledger left it." })
export class Transaction {
  @Field(() => ID, { description: "The terminal's own transaction id." }) id!: string;
  @Field(() => String, { description: 'The merchant.' }) merchantId!: string;
  @Field(() => String, { description: 'The terminal that made the sale.' }) terminalId!: string;
  @Field(() => String, {
    description:
      'APPROVED, DECLINED, REVERSED, VOIDED, SETTLED, OFFLINE_DECLINED (approved offline, declined by the host once forwarded), ' +
      'HELD (an approved pre-authorisation, not a sale) or RELEASED (a hold cancelled or expired).',
  })
  status!: string;
  @Field(() => String, { description: 'DEBIT, CREDIT, WECHAT_PAY, ALIPAY, CASH (more may be added).' }) method!: string;
  @Field(() => String, { description: 'Card scheme (VISA, ...); NONE for QR wallets.' }) scheme!: string;
  @Field(() => String, { nullable: true, description: 'First 6 and last 4 digits of a card; null for QR wallets.' }) maskedPan?: string;
  @Field(() => String, { nullable: true, description: 'The operator signed in when the sale opened; null when none was recorded.' }) operatorId?: string;
  @Field(() => Money, { description: 'The amount of the sale.' }) amount!: Money;
  @Field(() => Money, { description: 'The sum of its approved refunds.' }) refunded!: Money;
  @Field(() => Money, { description: 'Its tip (gratuity), apart from amount; zero when none. The sale captured amount + tip.' }) tip!: Money;
  @Field(() => Boolean, { description: 'Approved by the terminal offline (store-and-forward), not by the host at the counter.' }) offline!: boolean;
  @Field(() => Boolean, { description: 'Approved offline and not yet answered by the host.' }) awaitingHost!: boolean;
  @Field(() => Money, { description: 'What its pre-authorisation held; zero for a sale that was not one. amount is what its completion sold.' }) held!: Money;
  @Field(() => String, { nullable: true, description: 'When its hold expires (ISO-8601 UTC) unless completed or cancelled; null for a sale that was not a pre-authorisation.' })
  holdExpiresAt?: string;
  @Field(() => String, { description: "The sale's terminal occurredAt, ISO-8601 UTC." }) occurredAt!: string;
  @Field(() => [LedgerEvent], { nullable: true, description: 'Every ledger event of the sale, its voids and refunds, in ledger order.' }) events?: LedgerEvent[];
}

@ObjectType({ description: 'A sale of a page, with the cursor that pages on after it.' })
export class TransactionEdge {
  @Field(() => String, { description: 'Pass as `after` to read the sales after this one.' }) cursor!: string;
  @Field(() => Transaction, { description: 'The sale.' }) node!: Transaction;
}

@ObjectType({ description: 'Where a page ends.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'More sales follow this page.' }) hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: "The last sale's cursor; null for an empty page." }) endCursor?: string;
}

@ObjectType({ description: 'Newest sale first.' })
export class TransactionConnection {
  @Field(() => [TransactionEdge], { description: 'The sales of the page.' }) edges!: TransactionEdge[];
  @Field(() => PageInfo, { description: 'Where the page ends.' }) pageInfo!: PageInfo;
}

@InputType({ description: 'Every condition given must hold.' })
export class TransactionFilter {
  @Field(() => String, { nullable: true, description: 'APPROVED, DECLINED, REVERSED, VOIDED or SETTLED.' }) status?: string;
  @Field(() => String, { nullable: true, description: 'DEBIT, CREDIT, WECHAT_PAY, ALIPAY, CASH (more may be added).' }) method?: string;
  @Field(() => String, { nullable: true, description: 'The terminal.' }) terminalId?: string;
  @Field(() => String, { nullable: true, description: 'The operator who took the sale.' }) operatorId?: string;
  @Field(() => String, { nullable: true, description: `Sale occurredAt from (inclusive): ${TIME_ARGUMENT_FORMS}.` }) from?: string;
  @Field(() => String, { nullable: true, description: `Sale occurredAt to (exclusive): ${TIME_ARGUMENT_FORMS}.` }) to?: string;
  @Field(() => String, { nullable: true, description: 'Sales of at least this amount, in minor units as a decimal string ("1000" is 10.00 CNY).' }) minAmount?: string;
  @Field(() => String, { nullable: true, description: 'Sales of at most this amount, in minor units as a decimal string.' }) maxAmount?: string;
  @Field(() => Boolean, { nullable: true, description: 'true: only sales with a refund; false: only sales without one.' }) refunded?: boolean;
}
