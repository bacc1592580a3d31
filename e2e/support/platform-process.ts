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
}

const envOf = (p: PlatformEnv): NodeJS.ProcessEnv => ({
  ...process.env,
  POSLEDGER_DATA: p.dataDir,
  INGEST_PORT: String(p.ingestPort),
  REPORTS_PORT: String(p.reportsPort),
  TERMINAL_RATE_LIMIT: '1000',
});

/** Runs a data-returning CLI command and parses its JSON stdout. */
export function cli<T = Record<string, unknown>>(p: PlatformEnv, args: string[]): T {
  const result = spawnSync('node', [BIN, ...args], { env: envOf(p), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`posledger ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

export interface PlatformProcess {
  readonly child: ChildProcess;
  readonly ingestUrl: string;
  readonly graphqlUrl: string;
  readonly output: () => string;
  /** Resolves when the process has exited. */
  readonly exited: Promise<number | null>;
}

/** `posledger start` as a child process; resolves once it printed its URLs. */
export async function startPlatformProcess(p: PlatformEnv, extraArgs: string[] = []): Promise<PlatformProcess> {
  const child = spawn('node', [BIN, 'start', ...extraArgs], { env: envOf(p), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const urls = await new Promise<{ ingestUrl: string; graphqlUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform did not start in 60 s: ${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /"ingestUrl": "([^"]+)"[\s\S]*"graphqlUrl": "([^"]+)"/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ ingestUrl: match[1].replace('/v1/terminal-events', ''), graphqlUrl: match[2] });
      }
    });
    void exited.then((code) => reject(new Error(`platform exited ${code} before starting: ${stderr}`)));
  });
  return { child, ...urls, output: () => stdout + stderr, exited };
}

export async function stopPlatformProcess(platform: PlatformProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (platform.child.exitCode !== null || platform.child.signalCode !== null) return;
  platform.child.kill(signal);
  await platform.exited;
}
