import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
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
import { billFolds } from './bills/bill-imports';
import { BillsHttpController } from './bills/bills.http.controller';
import { ReconciliationResolver } from './bills/reconciliation.graphql-resolver';
import { ReconciliationExportHttpController } from './bills/reconciliation-export.http.controller';
import { BalancesResolver } from './balances/balances.graphql-resolver';
import { ExportResponder } from './exports/export-responder';
import { LedgerExportHttpController } from './exports/ledger-export.http.controller';
import { ReportExportsHttpController } from './exports/report-exports.http.controller';
import { compiledQueriesPlugin } from './graphql/compiled-queries.plugin';
import { noStorePlugin } from './graphql/no-store.plugin';
import { formatGraphQLError } from './graphql/format-error';
import { MoneyResolver } from './graphql/money.resolver';
import { queryLimitsPlugin } from './graphql/query-limits.plugin';
import { refuseOversizedQuery } from './graphql/query-size';
import { requestLoggingPlugin } from './graphql/request-logging.plugin';
import { ResolverErrorsFilter } from './graphql/resolver-errors.filter';
import { HealthHttpController } from './health/health.http.controller';
import { IntegrityResolver } from './integrity/integrity.graphql-resolver';
import { MerchantsResolver } from './merchants/merchants.graphql-resolver';
import { MerchantTimeZones } from './merchants/merchant-time-zones';
import { ReplayResolver } from './replay/replay.graphql-resolver';
import { BILL_FOLDS, CREDENTIALS, EVENT_STORE, MERCHANT_REGISTRY, READ_STORE, TERMINAL_OFFLINE_AFTER_MS, VIEW_REBUILDER } from './reports.tokens';
import { SalesSummaryResolver } from './sales-summary/sales-summary.graphql-resolver';
import { SettlementBatchesResolver } from './settlements/settlement-batches.graphql-resolver';
import { QuarantinedEventsResolver } from './quarantine/quarantined-events.graphql-resolver';
import { TerminalSequencesResolver } from './terminal-sequences/terminal-sequences.graphql-resolver';
import { TerminalsResolver } from './terminals/terminals.graphql-resolver';
import { DisputesResolver } from './disputes/disputes.graphql-resolver';
import { PayoutsResolver } from './payouts/payouts.graphql-resolver';
import { ShiftsResolver } from './shifts/shifts.graphql-resolver';
import { StatementDownloadHttpController } from './statements/statement-download.http.controller';
import { StatementsResolver } from './statements/statements.graphql-resolver';
import { EndOfDayResolver } from './end-of-day/end-of-day.graphql-resolver';
import { RefundsResolver } from './transactions/refunds.graphql-resolver';
import { TransactionsResolver } from './transactions/transactions.graphql-resolver';
import { DEFAULT_TERMINAL_OFFLINE_AFTER_MS } from '@posledger/platform-config';
import { RegistryView } from '@posledger/registry';

export interface ReportsDependencies {
  readonly readStore: ReadStore;
  readonly credentials: Pick<CredentialStore, 'grantFor'>;
  /** Rebuilds every view from the event store (auditors' replay); absent where this process runs no projections. */
  readonly views?: ViewRebuilder;
  /** Read by the auditors' integrity check. */
  readonly eventStore: EventStore;
  /** Requests per second one token may make (bursts of twice that); REPORTS_RATE_LIMIT or 20 when not given. */
  readonly rateLimitPerSecond?: number;
  /** A terminal that sent nothing for this long is shown offline; TERMINAL_OFFLINE_AFTER_MS or 3 minutes when not given. */
  readonly terminalOfflineAfterMs?: number;
  /** Merchants whose bills are kept folded between imports; POSLEDGER_FOLDED_MERCHANTS or 10,000 when not given. */
  readonly foldedMerchants?: number;
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
          plugins: [ApolloServerPluginCacheControlDisabled(), noStorePlugin(), auditPlugin(auditTrail), queryLimitsPlugin(), requestLoggingPlugin(new Logger('ReportsGraphQL')), compiledQueriesPlugin()],
          context: (request: FastifyRequest): ReportsContext => {
            refuseOversizedQuery(request);
            const token = bearerToken(request.headers.authorization);
            return { grant: token ? deps.credentials.grantFor(token) : undefined };
          },
        }),
      ],
      controllers: [HealthHttpController, LedgerExportHttpController, ReportExportsHttpController, StatementDownloadHttpController, BillsHttpController, ReconciliationExportHttpController],
      providers: [
        { provide: APP_FILTER, useClass: ResolverErrorsFilter },
        { provide: READ_STORE, useValue: deps.readStore },
        { provide: VIEW_REBUILDER, useValue: deps.views },
        { provide: EVENT_STORE, useValue: deps.eventStore },
        { provide: CREDENTIALS, useValue: deps.credentials },
        { provide: AUDIT_TRAIL, useValue: auditTrail },
        { provide: MERCHANT_REGISTRY, useValue: new RegistryView(deps.eventStore) },
        { provide: TERMINAL_OFFLINE_AFTER_MS, useValue: deps.terminalOfflineAfterMs ?? DEFAULT_TERMINAL_OFFLINE_AFTER_MS },
        { provide: BILL_FOLDS, useValue: billFolds(deps.eventStore, deps.foldedMerchants) },
        ExportResponder,
        MerchantTimeZones,
        MoneyResolver,
        MerchantsResolver,
        ReplayResolver,
        IntegrityResolver,
        AuditTrailResolver,
        SalesSummaryResolver,
        BalancesResolver,
        SettlementBatchesResolver,
        TransactionsResolver,
        RefundsResolver,
        TerminalSequencesResolver,
        TerminalsResolver,
        ShiftsResolver,
        DisputesResolver,
        PayoutsResolver,
        StatementsResolver,
        ReconciliationResolver,
        EndOfDayResolver,
        QuarantinedEventsResolver,
      ],
    };
  }
}
