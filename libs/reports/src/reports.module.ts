import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { CredentialStore } from '@posledger/credentials';
import type { EventStore } from '@posledger/event-store';
import type { ReadStore, ViewRebuilder } from '@posledger/read-store';
import type { FastifyRequest } from 'fastify';
import { auditPlugin } from './audit/audit.plugin';
import { AUDIT_TRAIL } from './audit/audit-trail.port';
import { AuditTrailResolver } from './audit/audit-trail.graphql-resolver';
import { eventStoreAuditTrail } from './audit/event-store-audit-trail';
import { bearerToken } from './auth/bearer-token';
import type { ReportsContext } from './auth/grant-context';
import { BalancesResolver } from './balances/balances.graphql-resolver';
import { DashboardHttpController } from './dashboard/dashboard.http.controller';
import { LedgerExportHttpController } from './exports/ledger-export.http.controller';
import { formatGraphQLError } from './graphql/format-error';
import { queryLimitsPlugin } from './graphql/query-limits.plugin';
import { refuseOversizedQuery } from './graphql/query-size';
import { requestLoggingPlugin } from './graphql/request-logging.plugin';
import { ResolverErrorsFilter } from './graphql/resolver-errors.filter';
import { IntegrityResolver } from './integrity/integrity.graphql-resolver';
import { ReplayResolver } from './replay/replay.graphql-resolver';
import { CREDENTIALS, EVENT_STORE, READ_STORE, VIEW_REBUILDER } from './reports.tokens';
import { SalesSummaryResolver } from './sales-summary/sales-summary.graphql-resolver';
import { SettlementBatchesResolver } from './settlements/settlement-batches.graphql-resolver';
import { QuarantinedEventsResolver } from './quarantine/quarantined-events.graphql-resolver';
import { TerminalSequencesResolver } from './terminal-sequences/terminal-sequences.graphql-resolver';
import { TransactionsResolver } from './transactions/transactions.graphql-resolver';

export interface ReportsDependencies {
  readonly readStore: ReadStore;
  readonly credentials: Pick<CredentialStore, 'grantFor'>;
  /** Rebuilds every view from the event store (auditors' replay); absent where this process runs no projections. */
  readonly views?: ViewRebuilder;
  /** Read by the auditors' integrity check. */
  readonly eventStore: EventStore;
  /** Requests per second one token may make (bursts of twice that); REPORTS_RATE_LIMIT or 20 when not given. */
  readonly rateLimitPerSecond?: number;
}

@Module({})
export class ReportsModule {
  static register(deps: ReportsDependencies): DynamicModule {
    const auditTrail = eventStoreAuditTrail(deps.eventStore);
    return {
      module: ReportsModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: false,
          formatError: formatGraphQLError,
          plugins: [auditPlugin(auditTrail), queryLimitsPlugin(), requestLoggingPlugin(new Logger('ReportsGraphQL'))],
          context: (request: FastifyRequest): ReportsContext => {
            refuseOversizedQuery(request);
            const token = bearerToken(request.headers.authorization);
            return { grant: token ? deps.credentials.grantFor(token) : undefined };
          },
        }),
      ],
      controllers: [DashboardHttpController, LedgerExportHttpController],
      providers: [
        { provide: APP_FILTER, useClass: ResolverErrorsFilter },
        { provide: READ_STORE, useValue: deps.readStore },
        { provide: VIEW_REBUILDER, useValue: deps.views },
        { provide: EVENT_STORE, useValue: deps.eventStore },
        { provide: CREDENTIALS, useValue: deps.credentials },
        { provide: AUDIT_TRAIL, useValue: auditTrail },
        ReplayResolver,
        IntegrityResolver,
        AuditTrailResolver,
        SalesSummaryResolver,
        BalancesResolver,
        SettlementBatchesResolver,
        TransactionsResolver,
        TerminalSequencesResolver,
        QuarantinedEventsResolver,
      ],
    };
  }
}
