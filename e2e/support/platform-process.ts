import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'bin', 'posledger.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface PlatformEnv {
  readonly dataDir: string;
  readonly ingestPort: number;
  readonly reportsPort: number;
  /** More environment for the CLI, e.g. KAFKA_BROKERS and KAFKA_TOPIC. */
  readonly extraEnv?: Readonly<Record<string, string>>;
}

/** The engines are the test's choice (extraEnv), never inherited: CI exports KAFKA_BROKERS for the Kafka suites. */
const ENGINE_VARIABLES = ['KAFKA_BROKERS', 'KAFKA_TOPIC', 'KAFKA_DLQ_TOPIC', 'EVENTSTORE_URL', 'CLICKHOUSE_URL'];

const envOf = (p: PlatformEnv): NodeJS.ProcessEnv => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !ENGINE_VARIABLES.includes(name))),
  POSLEDGER_DATA: p.dataDir,
  INGEST_PORT: String(p.ingestPort),
  REPORTS_PORT: String(p.reportsPort),
  TERMINAL_RATE_LIMIT: '1000',
  ...p.extraEnv,
});

/** Runs a CLI command: its exit status and what it printed. */
export function cliRun(p: PlatformEnv, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync('node', [BIN, ...args], { env: envOf(p), encoding: 'utf8' });
  return { status, stdout, stderr };
}

/** Runs a data-returning CLI command and parses its JSON stdout. */
export function cli<T = Record<string, unknown>>(p: PlatformEnv, args: string[]): T {
  const result = cliRun(p, args);
  if (result.status !== 0) throw new Error(`posledger ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

export interface AppsProcess {
  readonly child: ChildProcess;
  /** Present when the process runs ingest / reports. */
  readonly ingestUrl?: string;
  readonly graphqlUrl?: string;
  readonly output: () => string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
  /** The test is about to stop it: an exit from now on is expected. */
  readonly markStopping: () => void;
}

export interface PlatformProcess extends AppsProcess {
  readonly ingestUrl: string;
  readonly graphqlUrl: string;
}

/** `posledger start` with every app as a child process; resolves once it printed its URLs. */
export async function startPlatformProcess(p: PlatformEnv, extraArgs: string[] = []): Promise<PlatformProcess> {
  const started = await startAppsProcess(p, extraArgs);
  const { ingestUrl, graphqlUrl } = started;
  if (ingestUrl === undefined || graphqlUrl === undefined) {
    await stopPlatformProcess(started);
    throw new Error(`platform printed no ingest or GraphQL URL: ${started.output()}`);
  }
  return { ...started, ingestUrl, graphqlUrl };
}

/** `posledger start [args]` (e.g. `--apps ledger`) as a child process; resolves once it printed what it runs. */
export async function startAppsProcess(p: PlatformEnv, extraArgs: string[] = []): Promise<AppsProcess> {
  const child = spawn('node', [BIN, 'start', ...extraArgs], { env: envOf(p), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let stopping = false;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      // A platform that dies on its own is a finding: show why, whatever the test then reports.
      if (!stopping) console.error(`posledger start exited by itself (code ${code}, signal ${signal}):\n${(stdout + stderr).slice(-4000)}`);
      resolve(code);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform did not start in 60 s: ${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('"startedInMs"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited ${code} before starting: ${stderr}`));
    });
  });
  const ingestUrl = /"ingestUrl": "([^"]+)"/.exec(stdout)?.[1].replace('/v1/terminal-events', '');
  const graphqlUrl = /"graphqlUrl": "([^"]+)"/.exec(stdout)?.[1];
  return { child, ingestUrl, graphqlUrl, output: () => stdout + stderr, exited, markStopping: () => (stopping = true) };
}

export async function stopPlatformProcess(platform: AppsProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (platform.child.exitCode !== null || platform.child.signalCode !== null) return;
  platform.markStopping();
  platform.child.kill(signal);
  await platform.exited;
}
