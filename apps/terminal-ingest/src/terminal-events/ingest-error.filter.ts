import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { InvalidBatchError, RateLimitedError, TransportUnavailableError, UnauthenticatedTerminalError } from './ingest.errors';

type IngestError = InvalidBatchError | RateLimitedError | TransportUnavailableError | UnauthenticatedTerminalError;

/** Maps the use case's errors to the contract's statuses: 400, 401, 429, 503 (with Retry-After). */
@Catch(InvalidBatchError, RateLimitedError, TransportUnavailableError, UnauthenticatedTerminalError)
export class IngestErrorFilter implements ExceptionFilter<IngestError> {
  catch(error: IngestError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = { error: error.code, message: error.message };
    if (error instanceof InvalidBatchError) {
      void reply.status(400).send({ ...body, errors: error.errors });
    } else if (error instanceof UnauthenticatedTerminalError) {
      void reply.status(401).send(body);
    } else if (error instanceof RateLimitedError) {
      void reply.status(429).header('Retry-After', '1').send(body);
    } else {
      void reply.status(503).header('Retry-After', '2').send(body);
    }
  }
}
