// `posledger start --apps ...` (the built CLI) as a child process, so that the load generator does not share its event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'posledger.js');
const START_TIMEOUT_MS = 60_000;

export interface PlatformChild {
  readonly ingestUrl: string;
  stop(): Promise<void>;
}

export async function startPlatformChild(apps: string, env: Readonly<Record<string, string>>): Promise<PlatformChild> {
  const child = spawn('node', [BIN, 'start', '--apps', apps], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform did not start in ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.includes('"startedInMs"')) return;
      clearTimeout(timer);
      resolve();
    });
    void exited.then(() => reject(new Error(`platform exited before starting: ${stderr}`)));
  });
  const ingestUrl = /"ingestUrl": "([^"]+)"/.exec(stdout)?.[1];
  if (ingestUrl === undefined) throw new Error(`platform printed no ingest URL: ${stdout}`);
  return { ingestUrl, stop: () => stopChild(child, exited) };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}
