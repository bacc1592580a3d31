import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum IntegrityProblemKind {
  ALTERED = 'ALTERED',
  REMOVED = 'REMOVED',
  INSERTED = 'INSERTED',
  ANCHOR_MISMATCH = 'ANCHOR_MISMATCH',
  UNCHAINED = 'UNCHAINED',
}
registerEnumType(IntegrityProblemKind, { name: 'IntegrityProblemKind' });

@ObjectType({ description: 'The event where the hash chain or an anchor breaks.' })
export class IntegrityProblem {
  @Field(() => IntegrityProblemKind) kind!: IntegrityProblemKind;
  @Field(() => String) streamId!: string;
  @Field(() => String, { description: 'Revision within the stream (decimal string).' }) revision!: string;
  @Field(() => String, { description: 'Position in the global log (decimal string).' }) position!: string;
  @Field(() => String) detail!: string;
}

@ObjectType({ description: 'Outcome of walking every stream\'s hash chain and every anchor of the event store.' })
export class IntegrityReport {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => Int) eventsChecked!: number;
  @Field(() => Int) streamsChecked!: number;
  @Field(() => Int) anchorsChecked!: number;
  @Field(() => IntegrityProblem, { nullable: true, description: 'The problem at the lowest log position.' }) firstProblem?: IntegrityProblem;
}
