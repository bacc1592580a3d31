import { parentPort, workerData } from 'node:worker_threads';
import type { PlatformConfig } from '@posledger/platform-config';
import { startPlatform, type PlatformApp } from './start-platform';

/** What a worker thread is given: one app, the platform's configuration, and what the ledger needs from the views. */
export interface AppThreadData {
  readonly app: PlatformApp;
  readonly config: PlatformConfig;
  readonly terminalsHoldingParkedEvents: readonly string[];
  /** A ledger's thread: whether it also runs the daily jobs (the first ledger of the process does). */
  readonly dailyJobs: boolean;
}

/** Messages from an app's thread to the main thread. */
export type AppThreadMessage = { readonly type: 'started'; readonly url?: string } | { readonly type: 'failed'; readonly message: string } | { readonly type: 'stopped' };

// The body of one app's worker thread (see app-threads.ts): starts the app, answers where it listens, and stops it
// when told to.
const { app, config, terminalsHoldingParkedEvents, dailyJobs } = workerData as AppThreadData;
const port = parentPort;
if (!port) throw new Error('app-thread runs as a worker thread');
const send = (message: AppThreadMessage) => port.postMessage(message);

startPlatform(config, [app], { terminalsHoldingParkedEvents: async () => terminalsHoldingParkedEvents, dailyJobs }).then(
  (platform) => {
    port.once('message', () => {
      void platform.stop().then(() => send({ type: 'stopped' }));
    });
    send({ type: 'started', url: platform.ingestUrl ?? platform.reportsUrl });
  },
  (error: Error) => send({ type: 'failed', message: error.message }),
);
