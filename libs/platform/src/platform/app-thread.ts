import { parentPort, workerData } from 'node:worker_threads';
import type { PlatformConfig } from '@posledger/platform-config';
import { startDailyJobsOn } from './daily-jobs';
import { startPlatform } from './start-platform';
import type { ThreadApp } from './thread-layout';

/** What a worker thread is given: one app, the platform's configuration, and what the ledger needs from the views. */
export interface AppThreadData {
  readonly app: ThreadApp;
  readonly config: PlatformConfig;
  readonly terminalsHoldingParkedEvents: readonly string[];
}

/** Messages from an app's thread to the main thread. */
export type AppThreadMessage = { readonly type: 'started'; readonly url?: string } | { readonly type: 'failed'; readonly message: string } | { readonly type: 'stopped' };

// The body of one app's worker thread (see app-threads.ts): starts the app, answers where it listens, and stops it
// when told to.
const { app, config, terminalsHoldingParkedEvents } = workerData as AppThreadData;
const port = parentPort;
if (!port) throw new Error('app-thread runs as a worker thread');
const send = (message: AppThreadMessage) => port.postMessage(message);

const started: Promise<{ url?: string; stop(): Promise<void> }> =
  app === 'daily-jobs'
    ? startDailyJobsOn(config)
    : startPlatform(config, [app], { terminalsHoldingParkedEvents: async () => terminalsHoldingParkedEvents, dailyJobs: false }).then((platform) => ({
        url: platform.ingestUrl ?? platform.reportsUrl,
        stop: () => platform.stop(),
      }));
started.then(
  (running) => {
    port.once('message', () => {
      void running.stop().then(() => send({ type: 'stopped' }));
    });
    send({ type: 'started', url: running.url });
  },
  (error: Error) => send({ type: 'failed', message: error.message }),
);
