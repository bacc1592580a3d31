import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A sequence gap the ledger skipped after waiting for it (invariant 9).' })
export class SkippedSequenceGap {
  @Field(() => Int, { description: 'The first sequence skipped.' }) from!: number;
  @Field(() => Int, { description: 'The last sequence skipped.' }) to!: number;
  @Field({ description: 'TIMEOUT (waited the gap timeout) or PARKED_LIMIT (too many events held behind it).' }) reason!: string;
  @Field({ description: 'When the ledger skipped it (ISO-8601, UTC).' }) skippedAt!: string;
}

@ObjectType({ description: "Where a terminal's event sequence stands: events held behind an open gap, gaps skipped." })
export class TerminalSequence {
  @Field({ description: 'The terminal.' }) terminalId!: string;
  @Field(() => Int, { description: 'The sequence the ledger waits for next.' }) nextSequence!: number;
  @Field(() => Int, { description: 'Events held (parked) behind an open gap.' }) parkedCount!: number;
  @Field(() => String, { nullable: true, description: 'Since when the open gap is waited on; null when none is open.' })
  waitingSince!: string | null;
  @Field(() => Int, { description: 'Gaps skipped so far.' }) skippedGaps!: number;
  @Field(() => Int, { description: 'Sequences skipped over all gaps (some may have arrived late and been applied).' })
  skippedSequences!: number;
  @Field(() => SkippedSequenceGap, { nullable: true, description: 'The latest gap skipped; null when none was.' }) lastSkippedGap!: SkippedSequenceGap | null;
}
