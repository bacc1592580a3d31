import type { ApolloServerPlugin } from '@apollo/server';
import type { ReportsContext } from '../auth/grant-context';
import type { AuditTrail } from './audit-trail.port';

/**
 * Records every auditor operation before it executes (once the operation is known). If the record cannot be
 * written, the request fails: an auditor's access is never served unrecorded.
 */
export function auditPlugin(trail: AuditTrail): ApolloServerPlugin<ReportsContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, operationName, request }) {
          const grant = contextValue.grant;
          if (grant?.role !== 'auditor' || !operation) return;
          const fields = operation.selectionSet.selections.map((s) => (s.kind === 'Field' ? s.name.value : s.kind)).join(',');
          await trail.record({
            subject: grant.subject,
            at: new Date().toISOString(),
            action: operation.operation === 'mutation' ? 'MUTATION' : 'QUERY',
            operation: operationName ?? fields,
            detail: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
          });
        },
      };
    },
  };
}
