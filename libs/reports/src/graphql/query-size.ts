import type { FastifyRequest } from 'fastify';
import { QueryLimitError } from './query-limit.error';

/** The longest query text accepted (the README's example is under 700 characters). */
export const MAX_QUERY_LENGTH = 10_000;

/**
 * Refuses an over-long query before Apollo parses and validates it: that work grows with the text, and a 1 MB body
 * of repeated fields costs the CPU most of a second before any limit on the operation could refuse it.
 */
export function refuseOversizedQuery(request: FastifyRequest): void {
  const source = request.method === 'GET' ? (request.query as { query?: unknown } | undefined) : (request.body as { query?: unknown } | undefined);
  const query = source?.query;
  if (typeof query === 'string' && query.length > MAX_QUERY_LENGTH) {
    throw new QueryLimitError('REPORTS.QUERY_TOO_LARGE', `the query is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`);
  }
}
