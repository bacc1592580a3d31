import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IngestModule, type IngestDependencies } from './ingest.module';
import { IngestErrorFilter } from './terminal-events/ingest-error.filter';

/** 500 events of the largest contract type fit well under this; a larger body is answered 413. */
export const INGEST_BODY_LIMIT_BYTES = 1024 * 1024;

export async function createIngestApp(deps: IngestDependencies): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(IngestModule.register(deps), new FastifyAdapter({ bodyLimit: INGEST_BODY_LIMIT_BYTES }), {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  // The signature covers the raw body, and the use case parses it once: Fastify only hands the text over.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: INGEST_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  app.useGlobalFilters(new IngestErrorFilter());
  return app;
}
