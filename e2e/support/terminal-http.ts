import { createHmac, randomUUID } from 'node:crypto';

export interface RawEvent {
  eventId: string;
  terminalId: string;
  sequence: number;
  occurredAt: string;
  transactionId?: string;
  type: string;
  payload: Record<string, unknown>;
}

// Inside the window of occurredAt the platform accepts (35 days back), whatever day the suite runs.
const HOUR_AGO = Date.now() - 3_600_000;

export function event(terminalId: string, sequence: number, type: string, payload: Record<string, unknown>, transactionId?: string): RawEvent {
  return { eventId: randomUUID(), terminalId, sequence, occurredAt: new Date(HOUR_AGO + sequence * 100).toISOString(), type, payload, ...(transactionId ? { transactionId } : {}) };
}

/** A complete approved QR sale of `amountMinor` CNY: five events from sequence `first`. */
export function qrSale(terminalId: string, first: number, amountMinor: string, transactionId: string = randomUUID()): RawEvent[] {
  return [
    event(terminalId, first, 'payment.method_selected', { method: 'WECHAT_PAY' }, transactionId),
    event(terminalId, first + 1, 'amount.entered', { amountMinor, currency: 'CNY' }, transactionId),
    event(terminalId, first + 2, 'qr.scanned', { walletReference: `WX-${first}` }, transactionId),
    event(terminalId, first + 3, 'authorization.requested', {}, transactionId),
    event(terminalId, first + 4, 'authorization.approved', { authCode: 'A1', hostReference: `H-${first}` }, transactionId),
  ];
}

/** POSTs a body as the contract says, signed with the given secret (or a wrong one) at the given time. */
export async function postSigned(
  ingestUrl: string,
  terminalId: string,
  secret: string,
  body: string,
  timestampMs = Date.now(),
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { status, body: answer } = await postSignedWithHeaders(ingestUrl, terminalId, secret, body, timestampMs);
  return { status, body: answer };
}

/** As postSigned, with the response headers (e.g. Retry-After of a 503). */
export async function postSignedWithHeaders(
  ingestUrl: string,
  terminalId: string,
  secret: string,
  body: string,
  timestampMs = Date.now(),
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const timestamp = String(timestampMs);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  const response = await fetch(`${ingestUrl}/v1/terminal-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-terminal-id': terminalId, 'x-timestamp': timestamp, 'x-signature': signature },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
