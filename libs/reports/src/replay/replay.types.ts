import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A live view against its replay from position 0: row counts and an order-independent checksum of every row.' })
export class ViewComparison {
  @Field(() => String, { description: 'The view (read store table).' }) view!: string;
  @Field(() => String, { description: 'The projection that writes it.' }) projection!: string;
  @Field(() => Int, { description: 'Rows of the live view.' }) liveRows!: number;
  @Field(() => Int, { description: 'Rows of the replayed view.' }) replayedRows!: number;
  @Field(() => String, { description: 'Checksum of the live rows.' }) liveChecksum!: string;
  @Field(() => String, { description: 'Checksum of the replayed rows.' }) replayedChecksum!: string;
  @Field(() => Boolean, { description: 'Same rows and checksum.' }) equal!: boolean;
}

@ObjectType({ description: 'The outcome of a rebuild of every view from the event store.' })
export class ReplayReport {
  @Field(() => String, { description: 'The event store position both sides had reached when compared.' }) position!: string;
  @Field(() => Int, { description: 'Events replayed.' }) events!: number;
  @Field(() => Int, { description: 'How long the rebuild took, in milliseconds.' }) durationMs!: number;
  @Field(() => Int, { description: 'Events replayed per second.' }) eventsPerSecond!: number;
  @Field(() => [ViewComparison], { description: 'Each view against its replay.' }) views!: ViewComparison[];
  @Field(() => Boolean, { description: 'Every live view equals its replay.' }) equal!: boolean;
  @Field(() => Boolean, { description: 'The replayed views replaced the live ones (when equal, or forced).' }) switched!: boolean;
}

@ObjectType({ description: 'A running rebuild.' })
export class ReplayProgress {
  @Field(() => String, { description: 'replaying | fencing | comparing | switching' }) phase!: string;
  @Field(() => String, { description: 'The event store position replayed so far (decimal string).' }) position!: string;
  @Field(() => String, { description: "The event store's last position (decimal string)." }) head!: string;
  @Field(() => Int, { description: 'Events replayed so far.' }) events!: number;
  @Field(() => Int, { description: 'Events replayed per second.' }) eventsPerSecond!: number;
  @Field(() => Float, { nullable: true, description: 'Seconds until the replay reaches the head at the present rate.' }) etaSeconds?: number;
}
