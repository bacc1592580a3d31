import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { CredentialStore } from '@posledger/credentials';
import type { ReadStore } from '@posledger/read-store';
import type { FastifyRequest } from 'fastify';
import type { ReportsContext } from './auth/grant-context';
import { BalancesResolver } from './balances/balances.graphql-resolver';
import { DashboardHttpController } from './dashboard/dashboard.http.controller';
import { formatGraphQLError } from './graphql/format-error';
import { READ_STORE } from './reports.tokens';
import { SalesSummaryResolver } from './sales-summary/sales-summary.graphql-resolver';
import { SettlementBatchesResolver } from './settlements/settlement-batches.graphql-resolver';
import { TransactionsResolver } from './transactions/transactions.graphql-resolver';

export interface ReportsDependencies {
  readonly readStore: ReadStore;
  readonly credentials: Pick<CredentialStore, 'grantFor'>;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

@Module({})
export class ReportsModule {
  static register(deps: ReportsDependencies): DynamicModule {
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
          context: (request: FastifyRequest): ReportsContext => {
            const token = bearerToken(request);
            return { grant: token ? deps.credentials.grantFor(token) : undefined };
          },
        }),
      ],
      controllers: [DashboardHttpController],
      providers: [{ provide: READ_STORE, useValue: deps.readStore }, SalesSummaryResolver, BalancesResolver, SettlementBatchesResolver, TransactionsResolver],
    };
  }
}
