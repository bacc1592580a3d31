// Sends one terminal's batch to POST /v1/terminal-events, signed, retrying transient failures with the SAME
// events (same eventIds, so the platform deduplicates) under a fresh timestamp and signature.
import { randomInt } from 'node:crypto';
import { signIngestRequest } from './request-signature';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableStatus, RetryPolicy, retryAfterMs } from './retry-policy';
import { TerminalEvent } from './terminal-event';

export const INGEST_PATH = '/v1/terminal-events';
const ERROR_BODY_LIMIT = 2_000;

export interface TerminalCredentials {
  readonly terminalId: string;
  readonly secret: string;
}

export interface IngestClientOptions {
  /** The ingest base URL (e.g. http://127.0.0.1:3001) or the full events endpoint. */
  readonly ingestUrl: string;
  readonly retry?: Partial<RetryPolicy>;
  readonly requestTimeoutMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type BatchOutcome =
  | { readonly kind: 'accepted'; readonly accepted: number; readonly duplicates: number; readonly attempts: number }
  | { readonly kind: 'failed'; readonly status: number | null; readonly error: string; readonly attempts: number };

type AttemptResult =
  | { readonly kind: 'accepted'; readonly accepted: number; readonly duplicates: number }
  | { readonly kind: 'retry'; readonly status: number | null; readonly error: string; readonly waitMs: number | null }
  | { readonly kind: 'refused'; readonly status: number; readonly error: string };

export class IngestClient {
  readonly endpoint: string;
  private readonly policy: RetryPolicy;
  private readonly requestTimeoutMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: IngestClientOptions) {
    this.endpoint = eventsEndpoint(options.ingestUrl);
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  async sendBatch(credentials: TerminalCredentials, events: readonly TerminalEvent[]): Promise<BatchOutcome> {
    const rawBody = JSON.stringify({ events });
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const result = await this.attempt(credentials, rawBody, events.length);
      if (result.kind === 'accepted') return { ...result, attempts };
      if (result.kind === 'refused' || attempts >= this.policy.maxAttempts) {
        return { kind: 'failed', status: result.status, error: result.error, attempts };
      }
      await this.sleep(result.waitMs ?? backoffDelayMs(this.policy, attempts, randomInt(0, 1_000_000) / 1_000_000));
    }
  }

  private async attempt(credentials: TerminalCredentials, rawBody: string, eventCount: number): Promise<AttemptResult> {
    const timestampMs = this.now();
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-terminal-id': credentials.terminalId,
          'x-timestamp': String(timestampMs),
          'x-signature': signIngestRequest(credentials.secret, timestampMs, rawBody),
        },
        body: rawBody,
        signal: AbortSignal.timeout(this.requestTimeoutMs),
      });
    } catch (error) {
      return { kind: 'retry', status: null, error: describeNetworkError(error), waitMs: null };
    }
    const responseText = await response.text().catch(() => '');
    if (response.ok) return { kind: 'accepted', ...readAcceptance(responseText, eventCount) };
    const error = responseText.slice(0, ERROR_BODY_LIMIT) || response.statusText;
    if (!isRetryableStatus(response.status)) return { kind: 'refused', status: response.status, error };
    const waitMs = retryAfterMs(response.headers.get('retry-after'), this.now(), this.policy);
    return { kind: 'retry', status: response.status, error, waitMs };
  }
}

function eventsEndpoint(ingestUrl: string): string {
  const url = new URL(ingestUrl);
  if (!url.pathname.endsWith(INGEST_PATH)) url.pathname = `${url.pathname.replace(/\/+$/, '')}${INGEST_PATH}`;
  return url.toString();
}

function readAcceptance(responseText: string, eventCount: number): { accepted: number; duplicates: number } {
  try {
    const body: unknown = JSON.parse(responseText);
    if (typeof body === 'object' && body !== null) {
      const { accepted, duplicates } = body as Record<string, unknown>;
      return {
        accepted: typeof accepted === 'number' ? accepted : eventCount,
        duplicates: typeof duplicates === 'number' ? duplicates : 0,
      };
    }
  } catch {
    // A 2xx without the documented body still means the batch was taken.
  }
  return { accepted: eventCount, duplicates: 0 };
}

// Duck-typed: errors raised inside undici may come from another realm, where instanceof Error fails.
function describeNetworkError(error: unknown): string {
  const outer = errorParts(error);
  const cause = errorParts(typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined);
  const outerText = outer.message === '' ? String(error) : outer.message;
  if (cause.message === '' && cause.code === '') return outerText;
  return `${outerText}: ${[cause.code, cause.message].filter((part) => part !== '').join(' ')}`;
}

function errorParts(value: unknown): { message: string; code: string } {
  if (typeof value !== 'object' || value === null) return { message: '', code: '' };
  const { message, code } = value as { message?: unknown; code?: unknown };
  return { message: typeof message === 'string' ? message : '', code: typeof code === 'string' ? code : '' };
}
