import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError } from 'graphql';

/** The code a client sees for an error: ours (REPORTS.*) when we threw it, else Apollo's. */
export function errorCode(error: GraphQLError): string {
  const original = unwrapResolverError(error) as { code?: unknown } | undefined;
  if (typeof original?.code === 'string' && original.code.startsWith('REPORTS.')) return original.code;
  const code = error.extensions.code;
  return typeof code === 'string' ? code : ApolloServerErrorCode.INTERNAL_SERVER_ERROR;
}

const REQUEST_ERROR_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
]);

/**
 * A refusal of what the client sent (a bad token, an invalid argument, a query over a limit): every REPORTS.* code
 * is thrown on purpose, and Apollo's request errors are the client's. Anything else is a fault of ours.
 */
export function isClientError(code: string): boolean {
  return code.startsWith('REPORTS.') || REQUEST_ERROR_CODES.has(code);
}
