import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function signBody(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/** The contract's X-Signature: hex HMAC-SHA256 of "<timestamp>.<raw body>", timestamp within 5 minutes of now. */
export function verifySignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  nowMs: number;
}): SignatureCheck {
  const { secret, timestamp, signature, rawBody, nowMs } = input;
  if (!timestamp) return { ok: false, reason: 'X-Timestamp is required (unix milliseconds)' };
  if (/^\d{10}$/.test(timestamp)) return { ok: false, reason: 'X-Timestamp must be unix milliseconds; this looks like seconds' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'X-Timestamp must be unix milliseconds' };
  if (Math.abs(nowMs - Number(timestamp)) > SIGNATURE_WINDOW_MS) return { ok: false, reason: 'X-Timestamp is more than 5 minutes off' };
  if (!signature) return { ok: false, reason: 'X-Signature is required' };
  if (!/^[0-9a-fA-F]{64}$/.test(signature)) return { ok: false, reason: 'X-Signature must be a hex HMAC-SHA256 (64 hex digits)' };
  const expected = Buffer.from(signBody(secret, timestamp, rawBody), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}
