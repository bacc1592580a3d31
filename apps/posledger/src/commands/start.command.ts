import { ALL_APPS, servePlatform, type PlatformApp } from '@posledger/platform';
import type { PlatformConfig } from '@posledger/platform-config';
import { UsageError } from '../cli/cli-error';

function appsOption(value: string | boolean | undefined): PlatformApp[] {
  if (typeof value !== 'string') return [...ALL_APPS];
  const apps = value.split(',').map((app) => app.trim());
  const unknown = apps.filter((app) => !ALL_APPS.includes(app as PlatformApp));
  if (unknown.length > 0 || apps.length === 0) throw new UsageError(`--apps takes a list of ${ALL_APPS.join(', ')}`);
  return apps as PlatformApp[];
}

export async function startCommand(config: PlatformConfig, options: Record<string, string | boolean | undefined>): Promise<void> {
  const apps = appsOption(options.apps);
  if (options.demo === true && apps.length !== ALL_APPS.length) throw new UsageError('--demo needs every app');
  await servePlatform(config, apps, { demo: options.demo === true });
}
