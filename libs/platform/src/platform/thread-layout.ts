import type { PlatformApp } from './start-platform';

export interface WorkerApp {
  readonly app: Exclude<PlatformApp, 'reports'>;
  /** The daily jobs (anchoring, the statement clock) run with the first ledger only. */
  readonly dailyJobs: boolean;
}

/** The worker threads of `posledger start --apps ...`, in starting order: every ledger, then ingest. */
export function threadLayout(apps: readonly PlatformApp[]): WorkerApp[] {
  const ledgers = apps.filter((app) => app === 'ledger').map((app, n) => ({ app, dailyJobs: n === 0 }));
  const ingest = apps.filter((app) => app === 'ingest').map((app) => ({ app, dailyJobs: false }));
  return [...ledgers, ...ingest];
}
