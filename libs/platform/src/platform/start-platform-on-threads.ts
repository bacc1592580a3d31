import type { PlatformConfig } from '@posledger/platform-config';
import { startAppThread, type AppThread } from './app-threads';
import { threadLayout, type ThreadApp } from './thread-layout';
import { platformEngines, startPlatform, type PlatformApp, type RunningPlatform } from './start-platform';

/**
 * `posledger start`'s layout, so that no app waits on another's CPU: reports and the projections on this thread
 * (chDB is in-process and answers one thread), ingest, each ledger and the daily jobs on a worker thread of their
 * own, over the same engines (LMDB is shared between threads and processes). Several ledgers (Kafka only) share the
 * partitions as one consumer group. The apps are started and stopped in startPlatform's order. onFailure: an app's
 * thread died after it started (the caller ends the process; a restart recovers).
 */
export async function startPlatformOnThreads(
  config: PlatformConfig,
  apps: readonly PlatformApp[],
  onFailure: (app: ThreadApp, error: Error) => void,
): Promise<RunningPlatform> {
  const here = apps.includes('reports') ? await startPlatform(config, ['reports']) : undefined;
  const terminalsHoldingParkedEvents = (await here?.terminalsHoldingParkedEvents?.()) ?? [];
  const threads: AppThread[] = [];
  const stop = async () => {
    for (const thread of [...threads].reverse()) await thread.stop();
    await here?.stop();
  };
  try {
    for (const app of threadLayout(apps)) threads.push(await startAppThread({ app, config, terminalsHoldingParkedEvents }, onFailure));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    apps,
    ingestUrl: threads.find((thread) => thread.app === 'ingest')?.url,
    reportsUrl: here?.reportsUrl,
    engines: here?.engines ?? platformEngines(config),
    projectionsCaughtUp: async () => here?.projectionsCaughtUp(),
    stop,
  };
}
