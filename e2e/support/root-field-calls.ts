// One GraphQL call per root field (queries and mutations), generated from the schema the API serves: whatever
// fields are added later, a suite driving these calls covers them.
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { graphql } from './graphql-client';

export interface RootFieldCall {
  readonly operation: 'query' | 'mutation';
  readonly field: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** The value to pass for an argument, or undefined to leave an optional one out. */
export type ArgumentFiller = (argument: GraphQLArgument, field: string) => unknown;

/** Below the root field: deep enough for a sale's events (transactions, edges, node, events, id), within the API's depth limit. */
const SELECTION_DEPTH = 4;

export async function servedSchema(graphqlUrl: string): Promise<GraphQLSchema> {
  const result = await graphql<IntrospectionQuery>(graphqlUrl, undefined, getIntrospectionQuery());
  if (!result.data) throw new Error(`introspection failed: ${JSON.stringify(result.errors)}`);
  return buildClientSchema(result.data);
}

/** Every field of the type, down to SELECTION_DEPTH, leaving out fields that need arguments. */
function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth === 0 || !(isObjectType(named) || isInterfaceType(named))) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  return `{ ${fields.map((f) => `${f.name} ${selectionOf(f.type, depth - 1)}`).join(' ')} }`;
}

function callOf(operation: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, fill: ArgumentFiller): RootFieldCall {
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const argument of field.args) {
    const value = fill(argument, field.name);
    if (value === undefined) {
      if (isNonNullType(argument.type)) throw new Error(`no value for the required argument ${field.name}(${argument.name}: ${String(argument.type)})`);
      continue;
    }
    variables[argument.name] = value;
    declared.push(`$${argument.name}: ${String(argument.type)}`);
    passed.push(`${argument.name}: $${argument.name}`);
  }
  const head = declared.length > 0 ? `${operation}(${declared.join(', ')})` : operation;
  const call = passed.length > 0 ? `${field.name}(${passed.join(', ')})` : field.name;
  return { operation, field: field.name, query: `${head} { ${call} ${selectionOf(field.type, SELECTION_DEPTH)} }`, variables };
}

export function rootFieldCalls(schema: GraphQLSchema, fill: ArgumentFiller): RootFieldCall[] {
  const roots = [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const;
  return roots.flatMap(([operation, type]) => (type ? Object.values(type.getFields()).map((field) => callOf(operation, field, fill)) : []));
}
