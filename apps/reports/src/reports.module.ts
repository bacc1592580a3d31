import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { CredentialStore } from '@posledger/credentials';
import type { EventStore } from '@posledger/event-store';
import type { ReadStore, ViewRebuilder } from '@posledger/read-store';
import type { FastifyRequest } from 'fastify';
import { auditPlugin } from './audit/audit.plugin';
import { AUDIT_TRAIL } from './audit/audit-trail.port';
import { AuditTrailResolver } from './audit/audit-trail.graphql-resolver';
import { eventStoreAuditTrail } from './audit/event-store-audit-trail';
import type { ReportsContext } from './auth/grant-context';
import { BalancesResolver } from './balances/balances.graphql-resolver';
import { DashboardHttpController } from './dashboard/dashboard.http.controller';
import { LedgerExportHttpController } from './exports/ledger-export.http.controller';
import { formatGraphQLError } from './graphql/format-error';
import { IntegrityResolver } from './integrity/integrity.graphql-resolver';
import { ReplayResolver } from './replay/replay.graphql-resolver';
import { CREDENTIALS, EVENT_STORE, READ_STORE, VIEW_REBUILDER } from './reports.tokens';
import { SalesSummaryResolver } from './sales-summary/sales-summary.graphql-resolver';
import { SettlementBatchesResolver } from './settlements/settlement-batches.graphql-resolver';
import { TerminalSequencesResolver } from './terminal-sequences/terminal-sequences.graphql-resolver';
import { TransactionsResolver } from './transactions/transactions.graphql-resolver';

export interface ReportsDependencies {
  readonly readStore: ReadStore;
  readonly credentials: Pick<CredentialStore, 'grantFor'>;
  /** Rebuilds every view from the event store (auditors' replay); absent where this process runs no projections. */
  readonly views?: ViewRebuilder;
  /** Read by the auditors' integrity check. */
  readonly eventStore: EventStore;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
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
          plugins: [auditPlugin(auditTrail)],
          context: (request: FastifyRequest): ReportsContext => {
            const token = bearerToken(request);
            return { grant: token ? deps.credentials.grantFor(token) : undefined };
          },
        }),
      ],
      controllers: [DashboardHttpController, LedgerExportHttpController],
      providers: [
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
      ],
    };
  }
}
