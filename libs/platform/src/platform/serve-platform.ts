import { loadPlatformConfig, type PlatformConfig } from '@posledger/platform-config';
import type { RunningDemo } from '../demo/run-demo';
import { log, printJson } from '../output';
import { limitHeapGrowth } from './heap-growth';
import type { PlatformApp } from './platform-apps';
import { startPlatformOnThreads } from './start-platform-on-threads';
import type { ThreadApp } from './thread-layout';

/**
 * Starts the apps, prints where they answer (one JSON document), optionally streams demo traffic, and stops them in
 * order on SIGINT or SIGTERM. What `posledger start` and each app's own main run. Several apps run on threads of
 * their own (startPlatformOnThreads); if one of them dies, the process ends with code 1.
 */
export async function servePlatform(config: PlatformConfig, apps: readonly PlatformApp[], options: { demo?: boolean } = {}): Promise<void> {
  const startedAt = Date.now();
  limitHeapGrowth(config.heapGrowthPercent);
  // The engines, the apps and the demo are loaded with import() when needed: with several apps, the worker threads
  // start while this thread loads.
  const platform = apps.length === 1 ? await (await import('./start-platform')).startPlatform(config, apps) : await startPlatformOnThreads(config, apps, appFailed);
  printJson({
    apps,
    ...(platform.ingestUrl ? { ingestUrl: `${platform.ingestUrl}/v1/terminal-events` } : {}),
    // With the demo, its own dashboard link (signed in) is the one printed: a second, tokenless one would only ask for a token.
    ...(platform.reportsUrl ? { graphqlUrl: `${platform.reportsUrl}/graphql`, ...(options.demo ? {} : { dashboardUrl: `${platform.reportsUrl}/` }) } : {}),
    dataDir: config.dataDir,
    engines: platform.engines,
    pid: process.pid,
    ...(platform.threads?.length ? { threads: platform.threads } : {}),
    startedInMs: Date.now() - startedAt,
  });

  const { ingestUrl, reportsUrl } = platform;
  let demo: RunningDemo | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping (finishing in-flight batches)...`);
    await demo?.stop();
    await platform.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  if (options.demo && ingestUrl && reportsUrl) {
    const { runDemo } = await import('../demo/run-demo');
    if (!stopping) demo = runDemo(config, { ingestUrl, reportsUrl, projectionsCaughtUp: platform.projectionsCaughtUp }, startedAt);
  }
}

function appFailed(app: ThreadApp, error: Error): void {
  process.stderr.write(`${JSON.stringify({ error: 'APP_FAILED', app, message: error.message })}\n`);
  process.exit(1);
}

/** One app as its own process, configured by the environment: the body of each app's main. */
export function serveAppFromEnvironment(app: PlatformApp): void {
  servePlatform(loadPlatformConfig(process.env), [app]).catch((error: Error) => {
    process.stderr.write(`${JSON.stringify({ error: 'START_FAILED', message: error.message })}\n`);
    process.exit(1);
  });
}
