import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType } from '@nestjs/graphql';

/**
 * Hands a resolver's error to Apollo as it is. Nest's default logs an ERROR with a stack trace for every field
 * that throws (four for a bad token on four fields); the request logging plugin logs each request once instead.
 * HTTP routes keep Nest's handling.
 */
@Catch()
export class ResolverErrorsFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
