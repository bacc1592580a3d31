import type { ApolloServerPlugin } from '@apollo/server';
import type { LoggerService } from '@nestjs/common';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { ReportsContext } from '../auth/grant-context';
import { errorCode, isClientError } from './error-code';

const NAMED_ROOT_FIELDS = 5;
const SHOWN_MESSAGE_CHARACTERS = 200;

/** `query salesSummary,balances`: what the request asked, from schema names only (never argument values). */
function describe(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'GraphQL request';
  const fields = [...new Set(operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : s.kind)))];
  const more = fields.length > NAMED_ROOT_FIELDS ? ` and ${fields.length - NAMED_ROOT_FIELDS} more` : '';
  return `${operation.operation} ${fields.slice(0, NAMED_ROOT_FIELDS).join(',')}${more}`;
}

/** Messages may quote what the client sent: JSON-quoted and cut, one line whatever they hold. */
const shown = (message: string): string => JSON.stringify(message.length > SHOWN_MESSAGE_CHARACTERS ? `${message.slice(0, SHOWN_MESSAGE_CHARACTERS)}...` : message);

/** `REPORTS.NOT_AUTHENTICATED "a valid Bearer token is required" x4`, one entry per code and message. */
function summarize(refusals: readonly GraphQLError[]): string {
  const counts = new Map<string, number>();
  for (const error of refusals) {
    const entry = `${errorCode(error)} ${shown(error.message)}`;
    counts.set(entry, (counts.get(entry) ?? 0) + 1);
  }
  return [...counts].map(([entry, count]) => (count > 1 ? `${entry} x${count}` : entry)).join('; ');
}

/**
 * One warn line per refused request (a bad token, an invalid argument, a query over a limit), however many
 * fields it refused; a fault is logged as an error with its stack trace.
 */
export function requestLoggingPlugin(logger: LoggerService): ApolloServerPlugin<ReportsContext> {
  const report = (errors: readonly GraphQLError[], what: string): void => {
    const refusals = errors.filter((error) => isClientError(errorCode(error)));
    if (refusals.length > 0) logger.warn(`${what} refused: ${summarize(refusals)}`);
    for (const fault of errors.filter((error) => !refusals.includes(error))) {
      const where = fault.path ? ` at ${fault.path.join('.')}` : '';
      logger.error(`${what} failed${where}: ${shown(fault.message)}`, fault.originalError?.stack ?? fault.stack);
    }
  };
  return {
    async contextCreationDidFail({ error }) {
      report([error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error })], 'GraphQL request');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operation }) {
          report(errors, describe(operation));
        },
      };
    },
  };
}
