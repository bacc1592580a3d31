export { openCredentialStore, secretFingerprint } from './credential-store';
export type { CredentialStore, Grant } from './credential-store';
