import { Args, ID } from '@nestjs/graphql';

/** The optional `merchantId` argument of every merchant-scoped field (see merchantInScope). */
export const MerchantIdArgument = (): ParameterDecorator =>
  Args('merchantId', { type: () => ID, nullable: true, description: "Auditors: the merchant to read. A merchant's token may name only its own (or none)." });
