export { createIngestApp } from './create-ingest-app';
export { INGEST_BODY_LIMIT_BYTES } from './ingest-body-limit';
export type { IngestDependencies } from './ingest.module';
export { openSeenEventIds } from './dedupe/seen-event-ids';
export type { SeenEventIds } from './dedupe/seen-event-ids';
export type { TerminalDirectory, TerminalSecrets } from './ingest.ports';
export { signBody } from './auth/verify-signature';
