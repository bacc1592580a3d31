import type { DocumentNode, GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size';

/** What one request may cost, in the points below. */
export const MAX_QUERY_COST = 1_000;

/** A root field: one read-store query (an aggregation over the merchant's rows). */
const ROOT_FIELD_COST = 20;
/** A sale's events or postings, a refund's sale: one more read-store lookup per item listed. */
const LOOKUP_COST = 10;
/** Any other field: resolved from the row already read. */
const FIELD_COST = 1;

type Estimate = (options: ComplexityEstimatorArgs) => number;

/** The page the resolver would serve; a `first` out of range is refused by the resolver before any query. */
const servedPage = (first: unknown): number => (typeof first === 'number' ? Math.min(Math.max(first, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE);

const FIELD_ESTIMATES: Record<string, Estimate> = {
  // Walk or rebuild the whole event store: alone in a request, and only once.
  'Query.integrity': () => MAX_QUERY_COST,
  'Mutation.replayViews': () => MAX_QUERY_COST,
  'Query.transactions': ({ args, childComplexity }) => ROOT_FIELD_COST + servedPage(args.first) * childComplexity,
  'Transaction.events': ({ childComplexity }) => LOOKUP_COST + childComplexity,
  'Transaction.postings': ({ childComplexity }) => LOOKUP_COST + childComplexity,
  'Refund.sale': ({ childComplexity }) => LOOKUP_COST + childComplexity,
};

const ROOT_TYPES = new Set(['Query', 'Mutation']);

function estimate(options: ComplexityEstimatorArgs): number {
  const special = FIELD_ESTIMATES[`${options.type.name}.${options.field.name}`];
  if (special) return special(options);
  return (ROOT_TYPES.has(options.type.name) ? ROOT_FIELD_COST : FIELD_COST) + options.childComplexity;
}

/**
 * The cost of running an operation with its variables, in points (graphql-query-complexity walks it). Throws the
 * GraphQLError of a variable that does not coerce to its type.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number {
  return getComplexity({ schema, query: document, operationName, variables, estimators: [estimate] });
}
