import type { PlatformConfig } from '@posledger/platform-config';
import { log, printJson } from '../cli/output';
import { runDemo } from '../demo/run-demo';
import { startPlatform } from '../platform/start-platform';

export async function startCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  const startedAt = Date.now();
  const platform = await startPlatform(config);
  printJson({
    ingestUrl: `${platform.ingestUrl}/v1/terminal-events`,
    graphqlUrl: `${platform.reportsUrl}/graphql`,
    dashboardUrl: `${platform.reportsUrl}/`,
    dataDir: config.dataDir,
    engines: platform.engines,
    startedInMs: Date.now() - startedAt,
  });

  const demo = options.demo === true ? runDemo(config, platform, startedAt) : undefined;
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
