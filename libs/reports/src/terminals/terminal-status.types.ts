import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ReconciliationStatus } from '@posledger/domain';

@ObjectType({ description: "The terminal's open batch: approved sales not voided since its last batch close." })
export class OpenBatch {
  @Field(() => Int, { description: 'Approved sales not voided since the last batch close.' }) sales!: number;
  @Field(() => String, { nullable: true, description: 'When the first of them happened (ISO-8601); null when there is none.' }) since!: string | null;
}

@ObjectType({ description: 'The batch the terminal closed last.' })
export class LastSettlement {
  @Field(() => Int, { description: 'The batch number the terminal gave it.' }) batchNumber!: number;
  @Field(() => String, { description: 'When it closed (ISO-8601).' }) closedAt!: string;
  @Field(() => String, { description: 'MATCHED or MISMATCH: the terminal’s totals against the ledger’s.' }) status!: ReconciliationStatus;
}

@ObjectType({ description: 'A terminal of the merchant: whether it is alive, what it runs on, its open batch and last settlement.' })
export class TerminalStatus {
  @Field(() => String, { description: 'The terminal id as provisioned.' }) terminalId!: string;
  @Field(() => String, { nullable: true, description: 'When it was provisioned (ISO-8601).' }) provisionedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'When the platform last recorded an event or heartbeat from it (ISO-8601); null: never.' })
  lastSeenAt!: string | null;
  @Field(() => Boolean, { description: 'Seen within TERMINAL_OFFLINE_AFTER_MS (3 minutes by default).' }) online!: boolean;
  @Field(() => String, { nullable: true, description: 'Software version from its last heartbeat.' }) appVersion!: string | null;
  @Field(() => String, { nullable: true, description: 'ETHERNET, WIFI or CELLULAR, from its last heartbeat.' }) network!: string | null;
  @Field(() => Int, { nullable: true, description: 'Signal strength 0-100 from its last heartbeat, when it reports one.' }) signal!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Paper running low, from its last heartbeat, when it reports it.' }) paperLow!: boolean | null;
  @Field(() => String, { nullable: true, description: 'When its last heartbeat was recorded (ISO-8601).' }) lastHeartbeatAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The operator signed in now; null when nobody is (never, signed out, or a refused sign-in).' }) operatorId!: string | null;
  @Field(() => OpenBatch, { description: 'Its open batch.' }) openBatch!: OpenBatch;
  @Field(() => LastSettlement, { nullable: true, description: 'Its last batch close; null before the first.' }) lastSettlement!: LastSettlement | null;
}
