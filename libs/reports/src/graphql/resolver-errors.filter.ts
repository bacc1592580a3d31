import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';

/** The 4xx status of an HTTP route's error (Nest's HttpException, or Fastify's own, e.g. a body that is not JSON). */
function clientErrorStatus(exception: unknown): number | undefined {
  const status = exception instanceof HttpException ? exception.getStatus() : (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Hands a resolver's error to Apollo as it is. Nest's default logs an ERROR with a stack trace for every field
 * that throws (four for a bad token on four fields); the request logging plugin logs each request once instead.
 * HTTP routes keep Nest's answers; a client's mistake there (a body that is not JSON, an unknown path) is one warn line.
 */
@Catch()
export class ResolverErrorsFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('ReportsHttp');

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    const status = clientErrorStatus(exception);
    if (status !== undefined) {
      const request = host.switchToHttp().getRequest<FastifyRequest>();
      const message = exception instanceof Error ? exception.message : String(exception);
      this.logger.warn(`${request.method} ${request.url.split('?')[0].slice(0, 100)} refused: ${status} ${JSON.stringify(message.slice(0, 200))}`);
    }
    return super.catch(exception, host);
  }
}
