import { createHash } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import type { CredentialStore } from '@posledger/credentials';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken } from '../auth/bearer-token';
import type { TokenBuckets } from '@posledger/rate-limit';

const GRAPHQL_ROUTE = '/graphql';
const EXPORT_ROUTES = '/v1/exports/';
const CODE = 'REPORTS.RATE_LIMITED';

/**
 * The bucket of a request: its token's (by hash) when the platform issued the token. Requests without one share
 * their client address's, so made-up tokens cannot each bring a fresh bucket.
 */
function bucketKey(request: FastifyRequest, credentials: Pick<CredentialStore, 'grantFor'>): string {
  const token = bearerToken(request.headers.authorization);
  if (token && credentials.grantFor(token)) return `token ${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
  return `client ${request.ip}`;
}

/**
 * A Fastify onRequest hook: a request to /graphql or an export over its bucket's rate is answered 429 with
 * Retry-After (seconds) before its body is read, in the endpoint's error shape. One warn line per run of refusals.
 */
export function rateLimitHook(buckets: TokenBuckets, credentials: Pick<CredentialStore, 'grantFor'>, logger: LoggerService) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const route = request.routeOptions.url;
    if (route === undefined || (route !== GRAPHQL_ROUTE && !route.startsWith(EXPORT_ROUTES))) return undefined;
    const key = bucketKey(request, credentials);
    const take = buckets.take(key, performance.now());
    if (take.allowed) return undefined;
    const retryAfterSeconds = Math.ceil(take.retryAfterMs / 1000);
    const message = `over the rate limit of ${buckets.ratePerSecond} requests/s (bursts of ${buckets.burst}); retry after ${retryAfterSeconds} s`;
    if (take.refusalsInARow === 1) logger.warn(`${route} refused for ${key}: ${CODE} ${message}`);
    const body = route === GRAPHQL_ROUTE ? { errors: [{ message, extensions: { code: CODE } }] } : { error: CODE, message };
    // Returning the reply tells Fastify the request is answered.
    return reply.code(429).header('Retry-After', String(retryAfterSeconds)).send(body);
  };
}
