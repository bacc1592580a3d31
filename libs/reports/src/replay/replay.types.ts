import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A live view against its replay from position 0: row counts and an order-independent checksum of every row.' })
export class ViewComparison {
  @Field(() => String, { description: 'The view (read store table).' }) view!: string;
  @Field(() => String, { description: 'The projection that writes it.' }) projection!: string;
  @Field(() => Int) liveRows!: number;
  @Field(() => Int) replayedRows!: number;
  @Field(() => String) liveChecksum!: string;
  @Field(() => String) replayedChecksum!: string;
  @Field(() => Boolean) equal!: boolean;
}

@ObjectType({ description: 'The outcome of a rebuild of every view from the event store.' })
export class ReplayReport {
  @Field(() => String, { description: 'The event store position both sides had reached when compared.' }) position!: string;
  @Field(() => Int, { description: 'Events replayed.' }) events!: number;
  @Field(() => Int) durationMs!: number;
  @Field(() => Int) eventsPerSecond!: number;
  @Field(() => [ViewComparison]) views!: ViewComparison[];
  @Field(() => Boolean, { description: 'Every live view equals its replay.' }) equal!: boolean;
  @Field(() => Boolean, { description: 'The replayed views replaced the live ones (when equal, or forced).' }) switched!: boolean;
}

@ObjectType({ description: 'A running rebuild.' })
export class ReplayProgress {
  @Field(() => String, { description: 'replaying | fencing | comparing | switching' }) phase!: string;
  @Field(() => String) position!: string;
  @Field(() => String) head!: string;
  @Field(() => Int) events!: number;
  @Field(() => Int) eventsPerSecond!: number;
  @Field(() => Float, { nullable: true, description: 'Seconds until the replay reaches the head at the present rate.' }) etaSeconds?: number;
}
