import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `npm run build` puts the dashboard (Vite), under the workspace root. */
export const DASHBOARD_BUILD = join('dist', 'apps', 'dashboard');

/**
 * The built dashboard, found from this file whether it runs compiled (dist/libs/...) or from source (tests): the
 * workspace root is the nearest directory above with a package.json. Undefined when the dashboard is not built.
 */
export function dashboardDirectory(from: string = __dirname): string | undefined {
  for (let directory = from; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) {
      const built = join(directory, DASHBOARD_BUILD);
      return existsSync(join(built, 'index.html')) ? built : undefined;
    }
    if (dirname(directory) === directory) return undefined;
  }
}
