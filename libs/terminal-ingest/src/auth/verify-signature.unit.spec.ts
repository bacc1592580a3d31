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

  it('refuses missing or malformed headers without throwing, saying which and why', () => {
    const check = (timestamp: string | undefined, signature: string | undefined) => verifySignature({ secret, timestamp, signature, rawBody: body, nowMs: now });
    expect(check(undefined, 'x')).toEqual({ ok: false, reason: 'X-Timestamp is required (unix milliseconds)' });
    expect(check(String(Math.floor(now / 1000)), 'x')).toEqual({ ok: false, reason: 'X-Timestamp must be unix milliseconds; this looks like seconds' });
    expect(check('-1', 'x')).toEqual({ ok: false, reason: 'X-Timestamp must be unix milliseconds' });
    expect(check('1'.repeat(17), 'x')).toEqual({ ok: false, reason: 'X-Timestamp must be unix milliseconds' });
    expect(check('9'.repeat(16), 'x')).toEqual({ ok: false, reason: 'X-Timestamp is more than 5 minutes off' });
    expect(check(ts, undefined)).toEqual({ ok: false, reason: 'X-Signature is required' });
    expect(check(ts, 'zz')).toEqual({ ok: false, reason: 'X-Signature must be a hex HMAC-SHA256 (64 hex digits)' });
    expect(check(ts, 'g'.repeat(64))).toEqual({ ok: false, reason: 'X-Signature must be a hex HMAC-SHA256 (64 hex digits)' });
  });
});
