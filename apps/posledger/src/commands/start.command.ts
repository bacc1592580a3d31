import type { PlatformConfig } from '@posledger/platform-config';
import { log, printJson } from '../cli/output';
import { runDemo } from '../demo/run-demo';
import { UsageError } from '../cli/cli-error';
import { ALL_APPS, startPlatform, type PlatformApp } from '../platform/start-platform';

function appsOption(value: string | boolean | undefined): PlatformApp[] {
  if (typeof value !== 'string') return [...ALL_APPS];
  const apps = value.split(',').map((app) => app.trim());
  const unknown = apps.filter((app) => !ALL_APPS.includes(app as PlatformApp));
  if (unknown.length > 0 || apps.length === 0) throw new UsageError(`--apps takes a list of ${ALL_APPS.join(', ')}`);
  return apps as PlatformApp[];
}

export async function startCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  const startedAt = Date.now();
  const apps = appsOption(options.apps);
  if (options.demo === true && apps.length !== ALL_APPS.length) throw new UsageError('--demo needs every app');
  const platform = await startPlatform(config, apps);
  printJson({
    apps,
    ...(platform.ingestUrl ? { ingestUrl: `${platform.ingestUrl}/v1/terminal-events` } : {}),
    ...(platform.reportsUrl ? { graphqlUrl: `${platform.reportsUrl}/graphql`, dashboardUrl: `${platform.reportsUrl}/` } : {}),
    dataDir: config.dataDir,
    engines: platform.engines,
    startedInMs: Date.now() - startedAt,
  });

  const { ingestUrl, reportsUrl } = platform;
  const demo = options.demo === true && ingestUrl && reportsUrl ? runDemo(config, { ingestUrl, reportsUrl, projectionsCaughtUp: platform.projectionsCaughtUp }, startedAt) : undefined;
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
}
