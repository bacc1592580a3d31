// How long the platform is away after a crash, and how long a CLI command takes: `posledger start` on a data dir
// holding a history, from the spawn to the JSON it prints once ingest and reports answer (then a GraphQL answer),
// SIGKILLed each time as the crash tests do; `posledger token --auditor` from spawn to exit. Beside them in the same
// run: a bare Node process starting Fastify on a port, the floor for any Node service. With COMPARE_BIN (another
// build's bin/posledger.js, e.g. a worktree of an older commit) each round runs that build too, alternating.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadPlatformConfig } from '@posledger/platform-config';
import { runSimulation } from '@posledger/terminal-simulator';
import { startPlatformChild } from './support/platform-child';
import { provisionTerminals } from './support/provision-terminals';
import { percentile } from './support/stats';
import { runBench, withTempDir } from './support/temp-dir';
import type { BenchTerminal } from './support/terminal-traffic';

const BIN = join(__dirname, '..', '..', 'bin', 'posledger.js');
const ROUNDS = 5;
const HISTORY_EVENTS = 20_000;
const TERMINALS: readonly BenchTerminal[] = Array.from({ length: 6 }, (_, k) => ({
  terminalId: `t-start-${k}`, merchantId: k % 2 === 0 ? 'm-start-cny' : 'm-start-gbp', currency: k % 2 === 0 ? 'CNY' : 'GBP',
}));

interface Spawned {
  /** Milliseconds from the spawn to the first stdout holding `until`, or to the exit when `until` is absent. */
  readonly readyMs: number;
  readonly stdout: string;
  kill(): Promise<void>;
}

function spawnTimed(args: readonly string[], env: NodeJS.ProcessEnv, until?: string): Promise<Spawned> {
  const started = performance.now();
  const child = spawn('node', ['--max-semi-space-size=64', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until !== undefined && stdout.includes(until)) resolve({ readyMs: performance.now() - started, stdout, kill });
    });
    void exited.then((code) => {
      if (until === undefined && code === 0) resolve({ readyMs: performance.now() - started, stdout, kill });
      else reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}

async function graphqlAnswers(url: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  if (response.status !== 200) throw new Error(`GraphQL answered ${response.status}`);
}

/** A crash and a restart: spawn to the printed URLs, then to a GraphQL answer; then SIGKILL. */
async function restart(bin: string, env: NodeJS.ProcessEnv): Promise<{ printedMs: number; answeredMs: number }> {
  const started = performance.now();
  const platform = await spawnTimed([bin, 'start'], env, '"startedInMs"');
  try {
    const graphqlUrl = /"graphqlUrl": "([^"]+)"/.exec(platform.stdout)?.[1];
    if (!graphqlUrl) throw new Error(`no GraphQL URL printed: ${platform.stdout}`);
    await graphqlAnswers(graphqlUrl);
    return { printedMs: platform.readyMs, answeredMs: performance.now() - started };
  } finally {
    await platform.kill();
  }
}

const spread = (values: readonly number[]): string => `median ${percentile(values, 50).toFixed(0)} ms (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})`;

async function main(): Promise<void> {
  const builds = [{ name: 'this build', bin: BIN }, ...(process.env.COMPARE_BIN ? [{ name: `COMPARE_BIN ${process.env.COMPARE_BIN}`, bin: process.env.COMPARE_BIN }] : [])];
  await withTempDir('posledger-bench-start-', async (dataDir) => {
    const env = { ...process.env, POSLEDGER_DATA: dataDir, INGEST_PORT: '0', REPORTS_PORT: '0' };
    const secrets = await provisionTerminals(loadPlatformConfig({}, dataDir), TERMINALS, 'Asia/Shanghai');
    const history = await startPlatformChild('ingest,ledger,reports', env);
    const report = await runSimulation({
      ingestUrl: history.ingestUrl.replace('/v1/terminal-events', ''), terminals: TERMINALS.map((terminal) => ({ ...terminal, secret: secrets.get(terminal.terminalId) ?? '' })),
      maxEvents: HISTORY_EVENTS, seed: 7, onProgress: () => undefined,
    });
    await history.stop();
    if (report.failures.length > 0) throw new Error(`${report.failures.length} batches of the history failed`);
    console.log(`data dir: ${report.eventsSent.toLocaleString('en-US')} events of ${TERMINALS.length} terminals; ${ROUNDS} rounds, builds alternating`);

    const figures = new Map(builds.map((build) => [build.name, { printed: [] as number[], answered: [] as number[], cli: [] as number[] }]));
    const floor: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const build of builds) {
        const figure = figures.get(build.name);
        const { printedMs, answeredMs } = await restart(build.bin, env);
        figure?.printed.push(printedMs);
        figure?.answered.push(answeredMs);
        figure?.cli.push((await spawnTimed([build.bin, 'token', '--auditor'], env)).readyMs);
      }
      const fastify = await spawnTimed(['-e', "require('fastify')().listen({ port: 0 }).then(() => console.log('listening'))"], env, 'listening');
      floor.push(fastify.readyMs);
      await fastify.kill();
    }
    for (const build of builds) {
      const figure = figures.get(build.name);
      if (!figure) continue;
      console.log(`${build.name}: posledger start, spawn to its printed URLs ${spread(figure.printed)}; to a GraphQL answer ${spread(figure.answered)}`);
      console.log(`${build.name}: posledger token --auditor, spawn to exit ${spread(figure.cli)}`);
    }
    console.log(`same run, a bare Node process starting Fastify on a port: ${spread(floor)}`);
  });
}

runBench(main);
