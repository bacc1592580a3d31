import { createHmac } from 'node:crypto';

/** X-Signature of the ingest contract: hex HMAC-SHA256 of "<timestamp>.<raw body>" under the terminal's secret. */
export function signIngestRequest(secret: string, timestampMs: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestampMs}.${rawBody}`).digest('hex');
}
