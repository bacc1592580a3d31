import { ALL_APPS, servePlatform, type PlatformApp } from '@posledger/platform/serve';
import type { PlatformConfig } from '@posledger/platform-config';
import { UsageError } from '../cli/cli-error';

/** --apps: a list of apps; `ledger` may be named more than once, with Kafka, for ledgers sharing its consumer group. */
function appsOption(value: string | boolean | undefined, config: PlatformConfig): PlatformApp[] {
  if (typeof value !== 'string') return [...ALL_APPS];
  const apps = value.split(',').map((app) => app.trim());
  const unknown = apps.filter((app) => !ALL_APPS.includes(app as PlatformApp));
  if (unknown.length > 0 || apps.length === 0) throw new UsageError(`--apps takes a list of ${ALL_APPS.join(', ')}`);
  for (const app of ['ingest', 'reports']) {
    if (apps.filter((named) => named === app).length > 1) throw new UsageError(`--apps names ${app} once per process (run another process for another ${app})`);
  }
  if (apps.filter((app) => app === 'ledger').length > 1 && !config.kafkaBrokers) {
    throw new UsageError('several ledgers share the terminal events as one Kafka consumer group: set KAFKA_BROKERS (the embedded log has one ledger)');
  }
  return apps as PlatformApp[];
}

export async function startCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  const apps = appsOption(options.apps, config);
  if (options.demo === true && ALL_APPS.some((app) => !apps.includes(app))) throw new UsageError('--demo needs every app');
  await servePlatform(config, apps, { demo: options.demo === true });
}
