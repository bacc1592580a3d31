import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { errorCode } from './error-code';

/** Our errors carry a stable `code` (REPORTS.NOT_AUTHORIZED, ...): expose it; never a stack trace. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = error instanceof GraphQLError ? errorCode(error) : formatted.extensions?.code;
  return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
}
