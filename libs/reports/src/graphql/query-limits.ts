import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { MAX_QUERY_COST, queryCost } from './query-cost';
import { QueryLimitError } from './query-limit.error';
import { measureQueryShape } from './query-shape';

export const MAX_ALIASES = 20;
export const MAX_ROOT_FIELDS = 10;
/** The deepest real query nests 5 fields (transactions, edges, node, events, id); introspection is not counted. */
export const MAX_DEPTH = 6;
/** Bounds the cost walk itself, which expands every fragment where it is spread. */
export const MAX_SELECTIONS = 1_000;

/**
 * Refuses an operation over a limit before any resolver runs (defect 8: a thousand aliases of a report tied the API
 * up for every merchant). The shape is checked first: it is linear in the document, the cost walk is not.
 */
export function refuseQueryOverLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  const shape = measureQueryShape(document, operation);
  if (shape.aliases > MAX_ALIASES) throw new QueryLimitError('REPORTS.TOO_MANY_ALIASES', `the query has ${shape.aliases} aliases; at most ${MAX_ALIASES} are allowed`);
  if (shape.rootFields > MAX_ROOT_FIELDS) {
    throw new QueryLimitError('REPORTS.TOO_MANY_ROOT_FIELDS', `the query asks for ${shape.rootFields} root fields; at most ${MAX_ROOT_FIELDS} are allowed`);
  }
  if (shape.depth > MAX_DEPTH) throw new QueryLimitError('REPORTS.QUERY_TOO_DEEP', `the query nests fields ${shape.depth} deep; at most ${MAX_DEPTH} are allowed`);
  if (shape.selections > MAX_SELECTIONS) {
    throw new QueryLimitError('REPORTS.QUERY_TOO_COMPLEX', `the query selects ${shape.selections} fields and fragments once expanded; at most ${MAX_SELECTIONS} are allowed`);
  }
  const cost = costOf(schema, document, operation, variables);
  if (cost > MAX_QUERY_COST) {
    throw new QueryLimitError(
      'REPORTS.QUERY_TOO_COMPLEX',
      `the query costs ${cost} points; at most ${MAX_QUERY_COST} are allowed (a root field costs 20, a field 1, a sale's events 10, and transactions count their selection once per item of \`first\`)`,
    );
  }
}

function costOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  try {
    return queryCost(schema, document, operation.name?.value, variables);
  } catch (error) {
    // Validation has passed and the shape is bounded: what is left to fail is a variable of the wrong type.
    if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { code: ApolloServerErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
    throw error;
  }
}
