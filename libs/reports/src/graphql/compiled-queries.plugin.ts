import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextResponseForOperation } from '@apollo/server';
import type { DocumentNode, ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ReportsContext } from '../auth/grant-context';

type Compiled = CompiledQuery | 'not compiled';

/**
 * Runs queries through graphql-jit: each parsed query compiled once into a function that resolves its fields and builds
 * its answer without graphql-js's per-field walk (salesSummary by HOUR is 450 buckets of 20 fields). Apollo keeps
 * its parsed documents in a bounded cache and hands the same one back for the same query text, so they key the
 * compiled functions and go with them. A mutation, a query graphql-jit cannot compile, or an answer with errors is
 * left to Apollo's own execution, so that errors keep their one path (formatting, status, logging) and a query's
 * answer is graphql-js's whenever it is not a plain success.
 */
export function compiledQueriesPlugin(): ApolloServerPlugin<ReportsContext> {
  const compiledByDocument = new WeakMap<DocumentNode, Map<string | undefined, Compiled>>();

  const compiledFor = ({ schema, document, request }: GraphQLRequestContextResponseForOperation<ReportsContext>): Compiled => {
    let byOperation = compiledByDocument.get(document);
    if (!byOperation) compiledByDocument.set(document, (byOperation = new Map()));
    let compiled = byOperation.get(request.operationName);
    if (!compiled) {
      const result = compileQuery(schema, document, request.operationName);
      compiled = isCompiledQuery(result) ? result : 'not compiled';
      byOperation.set(request.operationName, compiled);
    }
    return compiled;
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation.operation !== 'query') return null;
          const compiled = compiledFor(requestContext);
          if (compiled === 'not compiled') return null;
          const result: ExecutionResult = await compiled.query(undefined, requestContext.contextValue, requestContext.request.variables);
          if (result.errors?.length) return null;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: result.data } } };
        },
      };
    },
  };
}
