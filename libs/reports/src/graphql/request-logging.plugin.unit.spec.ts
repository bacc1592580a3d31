import type { GraphQLRequestContextDidEncounterErrors, GraphQLRequestListener } from '@apollo/server';
import type { LoggerService } from '@nestjs/common';
import { GraphQLError, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { NotAuthenticatedError, type ReportsContext } from '../auth/grant-context';
import { InvalidArgumentError } from './invalid-argument.error';
import { QueryLimitError } from './query-limit.error';
import { requestLoggingPlugin } from './request-logging.plugin';

interface Logged {
  level: 'warn' | 'error';
  message: string;
  stack?: string;
}

function recordingLogger(): { logger: LoggerService; logged: Logged[] } {
  const logged: Logged[] = [];
  const logger: LoggerService = {
    log: () => undefined,
    warn: (message: string) => logged.push({ level: 'warn', message }),
    error: (message: string, stack?: string) => logged.push({ level: 'error', message, stack }),
  };
  return { logger, logged };
}

/** An error as graphql-js reports a resolver's: located at a path, the thrown error kept as originalError. */
const resolverError = (error: Error, field: string) => new GraphQLError(error.message, { path: [field], originalError: error });

const operationOf = (query: string) => parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

async function encounter(logger: LoggerService, errors: GraphQLError[], query?: string): Promise<void> {
  const listener = (await requestLoggingPlugin(logger).requestDidStart!({} as never)) as GraphQLRequestListener<ReportsContext>;
  await listener.didEncounterErrors!({ errors, operation: query ? operationOf(query) : undefined } as unknown as GraphQLRequestContextDidEncounterErrors<ReportsContext>);
}

describe('request logging', () => {
  it('defect 11: a bad token on four fields is one warn line, with no stack trace', async () => {
    const { logger, logged } = recordingLogger();
    const fields = ['salesSummary', 'balances', 'settlementBatches', 'transactions'];

    await encounter(
      logger,
      fields.map((field) => resolverError(new NotAuthenticatedError('a valid Bearer token is required'), field)),
      `{ ${fields.map((f) => `${f} { __typename }`).join(' ')} }`,
    );

    expect(logged).toEqual([
      { level: 'warn', message: 'query salesSummary,balances,settlementBatches,transactions refused: REPORTS.NOT_AUTHENTICATED "a valid Bearer token is required" x4' },
    ]);
  });

  it('logs a refused query and an invalid argument as warnings, quoting what the client sent on one line', async () => {
    const { logger, logged } = recordingLogger();

    await encounter(logger, [new QueryLimitError('REPORTS.TOO_MANY_ALIASES', 'the query has 1000 aliases; at most 20 are allowed')]);
    await encounter(logger, [resolverError(new InvalidArgumentError('from must be an ISO-8601 instant, got "x\r\nERROR forged"'), 'salesSummary')], '{ salesSummary { key } }');
    await encounter(logger, [new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);

    expect(logged.map((l) => l.level)).toEqual(['warn', 'warn', 'warn']);
    expect(logged[0].message).toBe('GraphQL request refused: REPORTS.TOO_MANY_ALIASES "the query has 1000 aliases; at most 20 are allowed"');
    expect(logged[1].message).toContain('REPORTS.INVALID_ARGUMENT');
    expect(logged.every((l) => !/[\r\n]/.test(l.message))).toBe(true);
  });

  it('keeps the stack trace of a real fault, as an error', async () => {
    const { logger, logged } = recordingLogger();
    const fault = new Error('Code: 60. DB::Exception: Unknown table expression identifier postings');

    await encounter(logger, [resolverError(fault, 'balances'), resolverError(new NotAuthenticatedError('a valid Bearer token is required'), 'salesSummary')], '{ balances { currency } salesSummary { key } }');

    expect(logged).toEqual([
      { level: 'warn', message: expect.stringContaining('REPORTS.NOT_AUTHENTICATED') },
      { level: 'error', message: expect.stringContaining('query balances,salesSummary failed at balances:'), stack: fault.stack },
    ]);
  });

  it('logs a query refused before parsing (too large) once, as a warning', async () => {
    const { logger, logged } = recordingLogger();

    await requestLoggingPlugin(logger).contextCreationDidFail!({ error: new QueryLimitError('REPORTS.QUERY_TOO_LARGE', 'the query is 20000 characters long; at most 10000 are allowed') });

    expect(logged).toEqual([{ level: 'warn', message: expect.stringContaining('GraphQL request refused: REPORTS.QUERY_TOO_LARGE') }]);
  });
});
