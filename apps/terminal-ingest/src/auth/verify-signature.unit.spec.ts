import { signBody, verifySignature } from './verify-signature';

describe('terminal request signature', () => {
  const secret = 'a'.repeat(64);
  const body = '{"events":[]}';
  const now = 1_763_900_000_000;
  const ts = String(now);

  it('accepts the HMAC of "<timestamp>.<raw body>" inside the window', () => {
    expect(verifySignature({ secret, timestamp: ts, signature: signBody(secret, ts, body), rawBody: body, nowMs: now + 60_000 })).toEqual({ ok: true });
  });

  it('refuses a body changed after signing', () => {
    expect(verifySignature({ secret, timestamp: ts, signature: signBody(secret, ts, body), rawBody: `${body} `, nowMs: now }).ok).toBe(false);
  });

  it('refuses another secret', () => {
    expect(verifySignature({ secret, timestamp: ts, signature: signBody('b'.repeat(64), ts, body), rawBody: body, nowMs: now }).ok).toBe(false);
  });

  it('refuses a timestamp more than 5 minutes off, either way', () => {
    const sig = signBody(secret, ts, body);
    expect(verifySignature({ secret, timestamp: ts, signature: sig, rawBody: body, nowMs: now + 5 * 60_000 + 1 })).toEqual({ ok: false, reason: 'X-Timestamp is more than 5 minutes off' });
    expect(verifySignature({ secret, timestamp: ts, signature: sig, rawBody: body, nowMs: now - 5 * 60_000 - 1 }).ok).toBe(false);
  });

  it('refuses missing or malformed headers without throwing', () => {
    expect(verifySignature({ secret, timestamp: undefined, signature: 'x', rawBody: body, nowMs: now }).ok).toBe(false);
    expect(verifySignature({ secret, timestamp: ts, signature: 'zz', rawBody: body, nowMs: now }).ok).toBe(false);
  });
});
