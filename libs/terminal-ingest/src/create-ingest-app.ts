import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply } from 'fastify';
import { compileTerminalEventValidators } from '@posledger/domain';
import { INGEST_BODY_LIMIT_BYTES } from './ingest-body-limit';
import { IngestModule, type IngestDependencies } from './ingest.module';
import { IngestErrorFilter } from './terminal-events/ingest-error.filter';

export async function createIngestApp(deps: IngestDependencies): Promise<NestFastifyApplication> {
  compileTerminalEventValidators();
  const errors = new IngestErrorFilter();
  const adapter = new FastifyAdapter({
    bodyLimit: INGEST_BODY_LIMIT_BYTES,
    frameworkErrors: (error: FastifyError, _request: unknown, reply: FastifyReply) => errors.send(error, reply),
    clientErrorHandler: (error, socket) => errors.sendOnSocket(error, socket),
  });
  const app = await NestFactory.create<NestFastifyApplication>(IngestModule.register(deps), adapter, {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  // The signature covers the raw body, and the use case parses it once: Fastify only hands the text over.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: INGEST_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body));
  app.useGlobalFilters(errors);
  return app;
}
