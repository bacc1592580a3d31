import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An auditor access: every auditor query, mutation (replay) and export is recorded before it runs.' })
export class AuditRecord {
  @Field(() => String, { description: 'The auditor, as named when the token was issued.' }) subject!: string;
  @Field(() => String, { description: 'When the platform recorded the access (ISO-8601).' }) at!: string;
  @Field(() => String, { description: 'QUERY, MUTATION or EXPORT.' }) action!: string;
  @Field(() => String, { description: 'The operation name, or the root fields asked; an export: its name.' }) operation!: string;
  @Field(() => String, { description: 'The query and variables, or the export parameters, as JSON.' }) detail!: string;
}
