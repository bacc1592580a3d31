import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IngestModule, type IngestDependencies } from './ingest.module';
import { IngestErrorFilter } from './terminal-events/ingest-error.filter';

/** 500 events of the largest contract type fit well under this; a larger body is answered 413. */
export const INGEST_BODY_LIMIT_BYTES = 1024 * 1024;

export async function createIngestApp(deps: IngestDependencies): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(IngestModule.register(deps), new FastifyAdapter({ bodyLimit: INGEST_BODY_LIMIT_BYTES }), {
    rawBody: true,
    logger: ['error', 'warn'],
  });
  app.useGlobalFilters(new IngestErrorFilter());
  return app;
}
