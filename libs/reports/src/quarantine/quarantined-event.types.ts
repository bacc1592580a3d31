import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An event the views could not take even alone: skipped by the projections named, so that the others go on.' })
export class QuarantinedEvent {
  @Field({ description: 'Event store position (decimal string).' }) position!: string;
  @Field() eventId!: string;
  @Field() streamId!: string;
  @Field() type!: string;
  @Field(() => [String]) projections!: string[];
  @Field() error!: string;
  @Field({ description: 'ISO-8601' }) quarantinedAt!: string;
}
