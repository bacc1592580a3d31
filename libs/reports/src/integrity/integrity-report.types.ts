import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum IntegrityProblemKind {
  ALTERED = 'ALTERED',
  REMOVED = 'REMOVED',
  INSERTED = 'INSERTED',
  ANCHOR_MISMATCH = 'ANCHOR_MISMATCH',
  UNCHAINED = 'UNCHAINED',
}
registerEnumType(IntegrityProblemKind, {
  name: 'IntegrityProblemKind',
  description: 'How the history was found changed.',
  valuesMap: {
    ALTERED: { description: "An event's content no longer matches its hash." },
    REMOVED: { description: 'An event of the chain is missing.' },
    INSERTED: { description: 'An event was added into the chain.' },
    ANCHOR_MISMATCH: { description: 'The log no longer matches an anchor taken over it.' },
    UNCHAINED: { description: 'An event carries no chain hash.' },
  },
});

@ObjectType({ description: 'The event where the hash chain or an anchor breaks.' })
export class IntegrityProblem {
  @Field(() => IntegrityProblemKind, { description: 'What was found.' }) kind!: IntegrityProblemKind;
  @Field(() => String, { description: 'The stream of the event.' }) streamId!: string;
  @Field(() => String, { description: 'Revision within the stream (decimal string).' }) revision!: string;
  @Field(() => String, { description: 'Position in the global log (decimal string).' }) position!: string;
  @Field(() => String, { description: 'What differs, in words.' }) detail!: string;
}

@ObjectType({ description: 'Outcome of walking every stream\'s hash chain and every anchor of the event store.' })
export class IntegrityReport {
  @Field(() => Boolean, { description: 'No problem found.' }) ok!: boolean;
  @Field(() => Int, { description: 'Events walked.' }) eventsChecked!: number;
  @Field(() => Int, { description: 'Streams walked.' }) streamsChecked!: number;
  @Field(() => Int, { description: 'Anchors compared.' }) anchorsChecked!: number;
  @Field(() => IntegrityProblem, { nullable: true, description: 'The problem at the lowest log position.' }) firstProblem?: IntegrityProblem;
}
