import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RootDatabase } from 'lmdb';
import { openLmdbEnvironment } from '@posledger/lmdb-env';

/** What a reports token may see: one merchant, or everything (an auditor, who must name the merchant). */
export type Grant = { readonly role: 'merchant'; readonly merchantId: string } | { readonly role: 'auditor'; readonly subject: string };

/**
 * Terminal HMAC secrets and reports tokens. Kept apart from the event store: the log that auditors replay and
 * export must never carry a secret (events hold only a fingerprint). Tokens are stored as SHA-256 hashes.
 */
export interface CredentialStore {
  issueTerminalSecret(terminalId: string): Promise<{ secret: string; fingerprint: string }>;
  terminalSecret(terminalId: string): string | undefined;
  issueToken(grant: Grant): Promise<string>;
  grantFor(token: string): Grant | undefined;
  close(): Promise<void>;
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function secretFingerprint(secret: string): string {
  return sha256(secret).slice(0, 16);
}

export function openCredentialStore(dataDir: string): CredentialStore {
  const path = join(dataDir, 'credentials');
  mkdirSync(path, { recursive: true, mode: 0o700 });
  const root: RootDatabase = openLmdbEnvironment({ path, name: undefined });
  const secrets = root.openDB<string, string>({ name: 'terminal-secrets' });
  const tokens = root.openDB<Grant, string>({ name: 'token-hashes' });
  return {
    async issueTerminalSecret(terminalId) {
      // base64url, not hex: a hex secret holds a Luhn-valid 13+ digit run often enough (~0.5%) to trip the card scan.
      const secret = randomBytes(32).toString('base64url');
      await secrets.put(terminalId, secret);
      return { secret, fingerprint: secretFingerprint(secret) };
    },
    terminalSecret: (terminalId) => secrets.get(terminalId),
    async issueToken(grant) {
      const token = `plt_${randomBytes(32).toString('base64url')}`;
      await tokens.put(sha256(token), grant);
      return token;
    },
    grantFor: (token) => tokens.get(sha256(token)),
    close: () => root.close(),
  };
}
