// `posledger start --apps ...` (the built CLI) as a child process, so that the load generator does not share its
// event loop, and its resident memory is its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppThreadId } from '@posledger/platform';
import { GcTrace, type ThreadHeap } from './gc-trace';
import { processCpuSeconds, threadTicks, type ThreadTicks } from './thread-cpu';

const BIN = join(__dirname, '..', '..', '..', 'bin', 'posledger.js');
const START_TIMEOUT_MS = 60_000;

export interface ResidentSet {
  readonly total: number;
  readonly anonymous: number;
  /** Pages of mapped files: LMDB maps its data files, so the event store and the log count here. */
  readonly file: number;
}

export interface PlatformChild {
  readonly ingestUrl: string;
  /** The process id `posledger start` printed (its main thread's), and its app threads' ids. */
  readonly pid: number;
  readonly threads: readonly AppThreadId[];
  /** The process's resident set (VmRSS) and its anonymous and file-backed parts (RssAnon, RssFile), in MiB. */
  rss(): ResidentSet;
  /** CPU time the process has used so far, user and system, all its threads, in seconds. */
  cpuSeconds(): number;
  /** Each of its threads' CPU so far, for `cpuByThread`. */
  threadTicks(): ThreadTicks;
  /** With `traceGc`: each JavaScript thread's heap after its latest full collection, the main thread's first. */
  heaps(): readonly ThreadHeap[];
  stop(): Promise<void>;
}

export async function startPlatformChild(apps: string, env: Readonly<Record<string, string>>, { traceGc = false } = {}): Promise<PlatformChild> {
  const child = spawn('node', ['--max-semi-space-size=64', ...(traceGc ? ['--trace-gc'] : []), BIN, 'start', '--apps', apps], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const gc = new GcTrace();
  let stdout = '';
  let started = false;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform did not start in ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = gc.read(chunk.toString());
      if (started) return;
      stdout += text;
      if (!stdout.includes('"startedInMs"')) return;
      started = true;
      clearTimeout(timer);
      resolve();
    });
    void exited.then(() => reject(new Error(`platform exited before starting: ${stderr}`)));
  });
  const printed = JSON.parse(/^\{\n[\s\S]*?\n\}$/m.exec(stdout)?.[0] ?? '{}') as { ingestUrl?: string; pid?: number; threads?: AppThreadId[] };
  const { ingestUrl, pid, threads = [] } = printed;
  if (ingestUrl === undefined || pid === undefined) throw new Error(`platform printed no ingest URL or pid: ${stdout}`);
  return {
    ingestUrl,
    pid,
    threads,
    rss: () => residentSet(child),
    cpuSeconds: () => processCpuSeconds(pid),
    threadTicks: () => threadTicks(pid),
    heaps: () => gc.heaps(),
    stop: () => stopChild(child, exited),
  };
}

function residentSet(child: ChildProcess): ResidentSet {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const mib = (field: string): number => {
    const kib = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
    if (kib === undefined) throw new Error(`no ${field} for process ${child.pid}`);
    return Math.round(Number(kib) / 1024);
  };
  return { total: mib('VmRSS'), anonymous: mib('RssAnon'), file: mib('RssFile') };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}
