import { GraphQLError } from 'graphql';

export type QueryLimitCode =
  | 'REPORTS.QUERY_TOO_LARGE'
  | 'REPORTS.TOO_MANY_ALIASES'
  | 'REPORTS.TOO_MANY_ROOT_FIELDS'
  | 'REPORTS.QUERY_TOO_DEEP'
  | 'REPORTS.QUERY_TOO_COMPLEX';

/** A query refused before anything runs, naming the limit it is over; answered with HTTP 400. */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly code: QueryLimitCode,
    message: string,
  ) {
    super(message, { extensions: { code, http: { status: 400 } } });
  }
}
