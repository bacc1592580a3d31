import { PerformanceObserver } from 'node:perf_hooks';

export interface Timed<T> {
  readonly result: T;
  readonly ms: number;
  /** CPU time of the process (all its threads) while body ran: steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  /** Garbage collection pauses of the main thread while body ran. */
  readonly gcMs: number;
}

/** Runs a synchronous body and measures it; GC entries reach the observer only after a timer turn, hence async. */
export async function timedWithGc<T>(body: () => T): Promise<Timed<T>> {
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = body();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  await new Promise((resolve) => setTimeout(resolve, 10));
  observer.disconnect();
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000, gcMs };
}
