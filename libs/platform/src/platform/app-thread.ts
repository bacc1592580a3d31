import { parentPort, workerData } from 'node:worker_threads';
import type { PlatformConfig } from '@posledger/platform-config';
import { osThreadId } from './os-thread-id';
import type { ThreadApp } from './thread-layout';

/** What a worker thread is given: one app and the platform's configuration. */
export interface AppThreadData {
  readonly app: ThreadApp;
  readonly config: PlatformConfig;
}

/** Messages from an app's thread to the main thread. */
export type AppThreadMessage =
  /** osThreadId: the operating system's id of the app's thread, where it has one (Linux). */
  | { readonly type: 'started'; readonly url?: string; readonly osThreadId?: number }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'stopped' }
  /** The ledger asks, once the views are up on the main thread, which terminals they show holding parked events. */
  | { readonly type: 'terminals-holding-parked-events' };

/** Messages from the main thread to an app's thread. */
export type MainThreadMessage =
  | { readonly type: 'stop' }
  | { readonly type: 'terminals-holding-parked-events'; readonly terminals: readonly string[] }
  | { readonly type: 'terminals-holding-parked-events'; readonly failed: string };

// The body of one app's worker thread (see app-threads.ts): starts the app, answers where it listens, and stops it
// when told to. Only the app's own modules are loaded here.
const { app, config } = workerData as AppThreadData;
const port = parentPort;
if (!port) throw new Error('app-thread runs as a worker thread');
const send = (message: AppThreadMessage) => port.postMessage(message);

const parkedAnswers: { resolve(terminals: readonly string[]): void; reject(error: Error): void }[] = [];
const terminalsHoldingParkedEvents = () =>
  new Promise<readonly string[]>((resolve, reject) => {
    parkedAnswers.push({ resolve, reject });
    send({ type: 'terminals-holding-parked-events' });
  });

async function start(): Promise<{ url?: string; stop(): Promise<void> }> {
  if (app === 'daily-jobs') return (await import('./daily-jobs')).startDailyJobsOn(config);
  const { startPlatform } = await import('./start-platform');
  const platform = await startPlatform(config, [app], { terminalsHoldingParkedEvents, dailyJobs: false });
  return { url: platform.ingestUrl ?? platform.reportsUrl, stop: () => platform.stop() };
}

const running = start();
port.on('message', (message: MainThreadMessage) => {
  if (message.type === 'stop') {
    void running.then((started) => started.stop()).then(() => send({ type: 'stopped' }));
    return;
  }
  const answer = parkedAnswers.shift();
  if ('terminals' in message) answer?.resolve(message.terminals);
  else answer?.reject(new Error(message.failed));
});
running.then(
  (started) => send({ type: 'started', url: started.url, osThreadId: osThreadId() }),
  (error: Error) => send({ type: 'failed', message: error.message }),
);
