import type { PlatformApp } from './platform-apps';

/** What a worker thread of `posledger start` runs: an app, or the daily jobs (anchoring, the statement clock). */
export type ThreadApp = Exclude<PlatformApp, 'reports'> | 'daily-jobs';

/**
 * The worker threads of `posledger start --apps ...`, stopped in the reverse order (ingest first, so that no batch
 * arrives while a ledger stops): every ledger, the daily jobs once if a ledger runs (a statement's scan and PDFs
 * never hold a ledger's thread), then ingest.
 */
export function threadLayout(apps: readonly PlatformApp[]): ThreadApp[] {
  const ledgers = apps.filter((app) => app === 'ledger');
  return [...ledgers, ...(ledgers.length > 0 ? (['daily-jobs'] as const) : []), ...apps.filter((app) => app === 'ingest')];
}
