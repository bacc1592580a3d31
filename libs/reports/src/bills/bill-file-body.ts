import type { FastifyInstance } from 'fastify';

/** The largest bill file taken: a month of a busy merchant's WeChat Pay bill is a few megabytes. */
const BILL_BODY_LIMIT = 32 * 1024 * 1024;

/** A bill file arrives as its bytes (text/csv or application/octet-stream), hashed and decoded as received. */
export function acceptBillFiles(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: BILL_BODY_LIMIT }, (_request, body, done) => done(null, body));
}
