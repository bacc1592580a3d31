import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCredentialStore, secretFingerprint } from './credential-store';

describe('credential store', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'creds-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('invariant 7: issues a random secret per terminal, never a default', async () => {
    const store = openCredentialStore(dir);
    const a = await store.issueTerminalSecret('t-1');
    const b = await store.issueTerminalSecret('t-2');
    expect(a.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(store.terminalSecret('t-1')).toBe(a.secret);
    expect(a.fingerprint).toBe(secretFingerprint(a.secret));
    expect(store.terminalSecret('t-unknown')).toBeUndefined();
    await store.close();
  });

  it('keeps tokens only as hashes and resolves them to their grant across reopen', async () => {
    const store = openCredentialStore(dir);
    const token = await store.issueToken({ role: 'merchant', merchantId: 'm-1' });
    await store.close();
    const reopened = openCredentialStore(dir);
    expect(reopened.grantFor(token)).toEqual({ role: 'merchant', merchantId: 'm-1' });
    expect(reopened.grantFor(`${token}x`)).toBeUndefined();
    await reopened.close();
    const files = readdirSync(join(dir, 'credentials'));
    const raw = files.map((f) => readFileSync(join(dir, 'credentials', f)).toString('latin1')).join('');
    expect(raw).not.toContain(token);
  });
});
