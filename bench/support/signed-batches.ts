import { signIngestRequest, type TerminalEvent } from '../../apps/posledger/src/simulator';
import type { SignedRequest } from './http-load';

export function chunk<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** The contract's request for one batch, signed now (valid for the 5 minutes the signature window allows). */
export function signBatch(terminalId: string, secret: string, events: readonly TerminalEvent[]): SignedRequest {
  const body = JSON.stringify({ events });
  const timestamp = Date.now();
  return {
    headers: {
      'content-type': 'application/json',
      'x-terminal-id': terminalId,
      'x-timestamp': String(timestamp),
      'x-signature': signIngestRequest(secret, timestamp, body),
    },
    body,
    eventCount: events.length,
  };
}
