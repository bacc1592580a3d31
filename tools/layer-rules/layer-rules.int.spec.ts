// Probes of eslint.config.js's module boundaries: each layer rule is broken on purpose by an import in a probe file
// placed in a real project, and ESLint must refuse it; an allowed import beside it must pass (so no probe can pass
// because the rule did not run at all).
import { join } from 'node:path';
import { createProjectGraphAsync } from '@nx/devkit';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..');
const LAYER_RULES = new Set(['@nx/enforce-module-boundaries', 'no-restricted-imports']);

interface Probe {
  readonly rule: string;
  /** A file (not on disk) inside the project whose rule is probed. */
  readonly file: string;
  readonly imports: string;
}

const BROKEN: readonly Probe[] = [
  { rule: 'no app is imported, not even by the process host', file: 'apps/posledger/src/probe.ts', imports: '../../ledger/src/main' },
  { rule: 'no library imports an app', file: 'libs/platform/src/probe.ts', imports: '../../../apps/reports/src/main' },
  { rule: 'the domain depends on no adapter', file: 'libs/domain/src/probe.ts', imports: '@posledger/event-store' },
  { rule: 'the domain depends on no feature', file: 'libs/domain/src/probe.ts', imports: '@posledger/ledger' },
  { rule: 'the domain does no I/O', file: 'libs/domain/src/probe.ts', imports: 'node:fs' },
  { rule: 'the domain uses no framework', file: 'libs/domain/src/probe.ts', imports: '@nestjs/common' },
  { rule: 'a utility depends on utilities only', file: 'libs/rate-limit/src/probe.ts', imports: '@posledger/domain' },
  { rule: 'an adapter depends on no feature', file: 'libs/read-store/src/probe.ts', imports: '@posledger/views' },
  { rule: 'ingest does not reach into reports', file: 'libs/terminal-ingest/src/probe.ts', imports: '@posledger/reports' },
  { rule: 'the ledger does not reach into ingest', file: 'libs/ledger/src/probe.ts', imports: '@posledger/terminal-ingest' },
  { rule: 'reports do not reach into the ledger', file: 'libs/reports/src/probe.ts', imports: '@posledger/ledger' },
  { rule: 'a shared library does not reach into the platform', file: 'libs/views/src/probe.ts', imports: '@posledger/platform' },
  { rule: 'the simulator does not reach into the platform', file: 'libs/terminal-simulator/src/probe.ts', imports: '@posledger/platform' },
  { rule: 'the dashboard (a browser app) imports no library of the platform', file: 'apps/dashboard/src/probe.tsx', imports: '@posledger/domain' },
];

const ALLOWED: readonly Probe[] = [
  { rule: 'a view reads the domain', file: 'libs/views/src/probe.ts', imports: '@posledger/domain' },
  { rule: 'the platform composes features', file: 'libs/platform/src/probe.ts', imports: '@posledger/ledger' },
  { rule: 'an app wires the platform', file: 'apps/ledger/src/probe.ts', imports: '@posledger/platform' },
];

// The config is loaded here rather than by ESLint, which would import it dynamically (not possible under Jest's VM).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: require(join(root, 'eslint.config.js')) });

async function boundaryErrors(probe: Probe): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as probe from '${probe.imports}';\nexport const used = probe;\n`, { filePath: join(root, probe.file) });
  return result.messages.filter((message) => LAYER_RULES.has(message.ruleId ?? '')).map((message) => message.message);
}

describe('layer rules (eslint module boundaries)', () => {
  // The boundary rule reads Nx's cached project graph: on a fresh clone nothing has computed it yet.
  beforeAll(async () => {
    await createProjectGraphAsync({ exitOnError: false });
  }, 120_000);

  it.each(BROKEN.map((probe) => [probe.rule, probe] as const))('refuses a probe that breaks: %s', async (_rule, probe) => {
    expect(await boundaryErrors(probe)).not.toEqual([]);
  });

  it.each(ALLOWED.map((probe) => [probe.rule, probe] as const))('lets through what the layers allow: %s', async (_rule, probe) => {
    expect(await boundaryErrors(probe)).toEqual([]);
  });
});
