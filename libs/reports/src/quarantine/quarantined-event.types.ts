import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An event the views could not take even alone: skipped by the projections named, so that the others go on.' })
export class QuarantinedEvent {
  @Field({ description: 'Event store position (decimal string).' }) position!: string;
  @Field({ description: 'The event id.' }) eventId!: string;
  @Field({ description: 'The stream of the event.' }) streamId!: string;
  @Field({ description: 'The event type.' }) type!: string;
  @Field(() => [String], { description: 'The projections that skip it.' }) projections!: string[];
  @Field({ description: 'Why the views could not take it.' }) error!: string;
  @Field({ description: 'When it was quarantined (ISO-8601, UTC).' }) quarantinedAt!: string;
}
