import type { PlatformConfig } from '@posledger/platform-config';
import { startAppThread } from './app-threads';
import { platformEngines, type PlatformApp } from './platform-apps';
import type { RunningPlatform } from './start-platform';
import { threadLayout, type ThreadApp } from './thread-layout';

/**
 * `posledger start`'s layout, so that no app waits on another's CPU: reports and the projections on this thread
 * (chDB is in-process and answers one thread), ingest, each ledger and the daily jobs on a worker thread of their
 * own, over the same engines (LMDB is shared between threads and processes). Several ledgers (Kafka only) share the
 * partitions as one consumer group. The apps start side by side (each loads and compiles its modules on its own
 * thread, so a restart takes the longest of them, not their sum: they meet only in the engines) and stop in
 * threadLayout's reverse order, reports last. onFailure: an app's thread died after it started (the caller ends the
 * process; a restart recovers). If an app fails to start, those that started are stopped and the error thrown.
 */
export async function startPlatformOnThreads(
  config: PlatformConfig,
  apps: readonly PlatformApp[],
  onFailure: (app: ThreadApp, error: Error) => void,
): Promise<RunningPlatform> {
  // The worker threads are asked for before this thread loads the platform's engines and the reports app.
  const reports = apps.includes('reports') ? import('./start-platform').then(({ startPlatform }) => startPlatform(config, ['reports'])) : Promise.resolve(undefined);
  const terminalsHoldingParkedEvents = async () => (await (await reports)?.terminalsHoldingParkedEvents?.()) ?? [];
  const starting = threadLayout(apps).map((app) => startAppThread({ app, config }, onFailure, terminalsHoldingParkedEvents));
  const [hereStarted, ...threadsStarted] = await Promise.allSettled([reports, ...starting]);
  const here = hereStarted.status === 'fulfilled' ? hereStarted.value : undefined;
  const threads = threadsStarted.flatMap((thread) => (thread.status === 'fulfilled' ? [thread.value] : []));
  const stop = async () => {
    for (const thread of [...threads].reverse()) await thread.stop();
    await here?.stop();
  };
  const failed = [hereStarted, ...threadsStarted].find((started): started is PromiseRejectedResult => started.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    apps,
    ingestUrl: threads.find((thread) => thread.app === 'ingest')?.url,
    reportsUrl: here?.reportsUrl,
    engines: here?.engines ?? platformEngines(config),
    projectionsCaughtUp: async () => here?.projectionsCaughtUp(),
    threads: threads.flatMap(({ app, osThreadId }) => (osThreadId === undefined ? [] : [{ app, osThreadId }])),
    stop,
  };
}
