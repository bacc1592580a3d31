import type { ApolloServerPlugin } from '@apollo/server';
import type { ReportsContext } from '../auth/grant-context';
import { refuseQueryOverLimits } from './query-limits';

/** Checks each operation against the query limits once it is parsed, validated and its variables are known. */
export function queryLimitsPlugin(): ApolloServerPlugin<ReportsContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) refuseQueryOverLimits(schema, document, operation, request.variables);
        },
      };
    },
  };
}
