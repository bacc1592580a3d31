import { signIngestRequest, type TerminalEvent } from '@posledger/terminal-simulator';
import type { SignedRequest } from './http-load';

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
