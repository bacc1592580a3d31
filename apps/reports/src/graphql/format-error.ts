import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';

/** Our errors carry a stable `code` (REPORTS.NOT_AUTHORIZED, ...): expose it; never a stack trace. */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error) as { code?: unknown } | undefined;
  const code = typeof original?.code === 'string' && original.code.startsWith('REPORTS.') ? original.code : formatted.extensions?.code;
  return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
}
