import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description: "A daily statement (日结单) as the ledger issued it. A day issued again (events recorded late) is a new version; every version stays. Its CSV is GET /v1/exports/statement?date=&version=.",
})
export class Statement {
  @Field(() => String, { description: "The day it states, YYYY-MM-DD in the merchant's calendar." }) date!: string;
  @Field(() => Int, { description: "1 for the day's first statement, one more for each issued since." }) version!: number;
  @Field(() => String, { description: "Hex SHA-256 of the CSV's bytes (UTF-8): a downloaded statement that hashes to it is the one issued." }) sha256!: string;
  @Field(() => String, { description: "Hex SHA-256 of the PDF's bytes, likewise." }) pdfSha256!: string;
  @Field(() => String, { description: "The position in the ledger's global order it was computed through, a decimal string." }) throughPosition!: string;
  @Field(() => String, { description: 'When it was issued, ISO-8601 UTC.' }) issuedAt!: string;
}
