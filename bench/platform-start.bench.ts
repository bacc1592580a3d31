// How long the platform is away after a crash, and how long a CLI command takes: `posledger start` on a data dir
// holding a history, from the spawn to ingest's first answer (what a retrying terminal waits for), to the JSON it
// prints once every app runs, and to a GraphQL answer, SIGKILLed each time as the crash tests do; `posledger token
// --auditor` from spawn to exit. Beside them in the same run: a bare Node process starting Fastify on a port, the
// floor for any Node service. With COMPARE_BIN (another build's bin/posledger.js, e.g. a worktree of an older
// commit) each round runs that build too, alternating.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadPlatformConfig } from '@posledger/platform-config';
import { runSimulation } from '@posledger/terminal-simulator';
import { freePort } from '../e2e/support/platform-process';
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

/** Polls ingest with an unsigned batch until it answers (401): from then on a terminal's retry is taken. */
async function ingestAnswers(url: string): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < 60_000) {
    const status = await fetch(url, { method: 'POST' }).then((response) => response.status, () => undefined);
    if (status === 401) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('ingest never answered');
}

/** A crash and a restart: spawn to ingest's first answer, to the printed URLs, to a GraphQL answer; then SIGKILL. */
async function restart(bin: string, env: NodeJS.ProcessEnv): Promise<{ ingestMs: number; printedMs: number; answeredMs: number }> {
  const ingestPort = await freePort();
  const started = performance.now();
  const ingest = ingestAnswers(`http://127.0.0.1:${ingestPort}/v1/terminal-events`);
  const platform = await spawnTimed([bin, 'start'], { ...env, INGEST_PORT: String(ingestPort) }, '"startedInMs"');
  try {
    const graphqlUrl = /"graphqlUrl": "([^"]+)"/.exec(platform.stdout)?.[1];
    if (!graphqlUrl) throw new Error(`no GraphQL URL printed: ${platform.stdout}`);
    await graphqlAnswers(graphqlUrl);
    const answeredMs = performance.now() - started;
    return { ingestMs: await ingest, printedMs: platform.readyMs, answeredMs };
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

    const figures = new Map(builds.map((build) => [build.name, { ingest: [] as number[], printed: [] as number[], answered: [] as number[], cli: [] as number[] }]));
    const floor: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const build of builds) {
        const figure = figures.get(build.name);
        const { ingestMs, printedMs, answeredMs } = await restart(build.bin, env);
        figure?.ingest.push(ingestMs);
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
      console.log(`${build.name}: posledger start, spawn to ingest's first answer ${spread(figure.ingest)}; to its printed URLs ${spread(figure.printed)}; to a GraphQL answer ${spread(figure.answered)}`);
      console.log(`${build.name}: posledger token --auditor, spawn to exit ${spread(figure.cli)}`);
    }
    console.log(`same run, a bare Node process starting Fastify on a port: ${spread(floor)}`);
  });
}

runBench(main);
