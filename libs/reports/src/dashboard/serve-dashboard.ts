import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { DASHBOARD_BUILD, dashboardDirectory } from './dashboard-directory';

/** Scripts, styles, data and frames from the reports app only; no inline script or style, no eval. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(reply: FastifyReply, path: string): void {
  void reply
    .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Referrer-Policy', 'no-referrer')
    // Vite names every asset by its content hash: those never change; index.html names the current ones.
    .header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * The merchant dashboard (apps/dashboard, built by Vite) at `/`, with @fastify/static. Without a build, `/` says
 * how to make one.
 */
export async function serveDashboard(app: NestFastifyApplication): Promise<void> {
  const root = dashboardDirectory();
  if (root) {
    await app.register(fastifyStatic, { root, prefix: '/', cacheControl: false, setHeaders: securityHeaders });
    return;
  }
  app.getHttpAdapter().getInstance().get('/', (_request, reply) => {
    void reply.code(503).type('text/plain; charset=utf-8').send(`The dashboard is not built: run \`npm run build\` (it goes to ${DASHBOARD_BUILD}).\n`);
  });
}
