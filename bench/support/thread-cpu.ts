// CPU time of a process and of each of its threads, from Linux's /proc.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { AppThreadId } from '@posledger/platform';

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

export interface ThreadTicks {
  /** The whole process's user and system ticks, threads that ended included. */
  readonly process: number;
  /** Each live thread's ticks and name (`comm`: chDB names its threads; Node 20 names all of its own `node`). */
  readonly threads: ReadonlyMap<number, { readonly name: string; readonly ticks: number }>;
}

/** user + system ticks (utime and stime: the 12th and 13th fields after the name) and the name from a stat line. */
function statOf(text: string): { name: string; ticks: number } {
  const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { name, ticks: Number(fields[11]) + Number(fields[12]) };
}

/** CPU time the process has used so far, user and system, all its threads, in seconds. */
export function processCpuSeconds(pid: number): number {
  return statOf(readFileSync(`/proc/${pid}/stat`, 'utf8')).ticks / CLOCK_TICKS_PER_SECOND;
}

export function threadTicks(pid: number): ThreadTicks {
  const threads = new Map<number, { name: string; ticks: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      threads.set(Number(tid), statOf(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return { process: statOf(readFileSync(`/proc/${pid}/stat`, 'utf8')).ticks, threads };
}

/**
 * Cores used between two readings of process `pid`, by thread: its main thread (the views, reports), each app's
 * worker thread, chDB's threads, and the rest (V8's helper threads, libuv's pool, and any thread that ended, such as
 * a load generator's).
 */
export function cpuByThread(pid: number, before: ThreadTicks, after: ThreadTicks, appThreads: readonly AppThreadId[], wallMs: number): string {
  const cores = (ticks: number): string => ((ticks * 1000) / CLOCK_TICKS_PER_SECOND / wallMs).toFixed(2);
  const used = (tid: number): number => (after.threads.get(tid)?.ticks ?? 0) - (before.threads.get(tid)?.ticks ?? 0);
  const named = new Map<string, number>([['main', used(pid)]]);
  for (const { app, osThreadId } of appThreads) named.set(app, (named.get(app) ?? 0) + used(osThreadId));
  const known = new Set([pid, ...appThreads.map((thread) => thread.osThreadId)]);
  let chdb = 0;
  for (const [tid, { name }] of after.threads) if (!known.has(tid) && name !== 'node') chdb += used(tid);
  const total = after.process - before.process;
  const rest = total - chdb - [...named.values()].reduce((sum, ticks) => sum + ticks, 0);
  const parts = [...named].map(([name, ticks]) => `${name} ${cores(ticks)}`);
  return `${cores(total)} cores: ${[...parts, `chDB ${cores(chdb)}`, `V8's helpers, libuv and the rest ${cores(rest)}`].join(', ')}`;
}
