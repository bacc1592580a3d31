import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveDashboard } from './dashboard/serve-dashboard';
import { rateLimitHook } from './rate-limit/rate-limit.hook';
import { TokenBuckets } from '@posledger/rate-limit';
import { acceptBillFiles } from './bills/bill-file-body';
import { ReportsModule, type ReportsDependencies } from './reports.module';

/** Requests per second one token may make to /graphql and the export (bursts of twice that). */
export const DEFAULT_REPORTS_RATE_LIMIT = 20;

export async function createReportsApp(deps: ReportsDependencies): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(ReportsModule.register(deps), new FastifyAdapter(), { logger: ['error', 'warn'] });
  const ratePerSecond = deps.rateLimitPerSecond ?? DEFAULT_REPORTS_RATE_LIMIT;
  app.getHttpAdapter().getInstance().addHook('onRequest', rateLimitHook(new TokenBuckets(ratePerSecond, ratePerSecond * 2), deps.credentials, new Logger('ReportsRateLimit')));
  acceptBillFiles(app.getHttpAdapter().getInstance());
  await serveDashboard(app);
  return app;
}
