import { join, sep } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { AppThreadData, AppThreadMessage, MainThreadMessage } from './app-thread';
import type { ThreadApp } from './thread-layout';

export interface AppThread {
  readonly app: ThreadApp;
  /** Where the app answers, if it serves HTTP. */
  readonly url?: string;
  /** The operating system's id of the app's thread, where it has one (Linux). */
  readonly osThreadId?: number;
  /** Stops the app as its own process would on SIGTERM (in-flight batches finished), then ends the thread. */
  stop(): Promise<void>;
}

/**
 * Each app thread's young generation (V8's three semi-spaces), against V8's default of 48 MiB: the apps allocate
 * short-lived objects per event, and fewer scavenges of a larger one gave ingest 7-13% more events per second in
 * alternating bench runs (bench/RESULTS.md). The main thread gets the same from `--max-semi-space-size=64`.
 */
export const APP_THREAD_YOUNG_GENERATION_MB = 192;

/** How an app's worker thread is created. */
export function appThreadOptions(data: AppThreadData): WorkerOptions {
  return { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: APP_THREAD_YOUNG_GENERATION_MB } };
}

/**
 * Starts one app on a worker thread of this process. A SIGKILL of the process ends every thread at once, as it ended
 * the one thread before, so crash recovery is unchanged. onFailure: the thread died after it started.
 * terminalsHoldingParkedEvents: what a ledger's thread is told when it asks (the views run on the main thread).
 */
export function startAppThread(
  data: AppThreadData,
  onFailure: (app: ThreadApp, error: Error) => void,
  terminalsHoldingParkedEvents: () => Promise<readonly string[]>,
): Promise<AppThread> {
  const worker = new Worker(threadCode(), appThreadOptions(data));
  const tell = (message: MainThreadMessage) => worker.postMessage(message);
  let state: 'starting' | 'running' | 'stopping' | 'ended' = 'starting';
  let stopped: () => void = () => undefined;
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      if (state === 'stopping' || state === 'ended') return;
      const starting = state === 'starting';
      state = 'ended';
      void worker.terminate();
      if (starting) reject(error);
      else onFailure(data.app, error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      stopped();
      fail(new Error(`the ${data.app} thread ended (exit code ${code})`));
    });
    worker.on('message', (message: AppThreadMessage) => {
      switch (message.type) {
        case 'terminals-holding-parked-events':
          terminalsHoldingParkedEvents().then(
            (terminals) => tell({ type: 'terminals-holding-parked-events', terminals }),
            (error: Error) => tell({ type: 'terminals-holding-parked-events', failed: error.message }),
          );
          return;
        case 'failed':
          return fail(new Error(message.message));
        case 'stopped':
          return stopped();
        case 'started':
          if (state !== 'starting') return;
          state = 'running';
          return resolve({
            app: data.app,
            url: message.url,
            osThreadId: message.osThreadId,
            async stop() {
              if (state !== 'running') return;
              state = 'stopping';
              await new Promise<void>((done) => {
                stopped = done;
                tell({ type: 'stop' });
              });
              state = 'ended';
              await worker.terminate();
            },
          });
      }
    });
  });
}

/**
 * The thread runs the compiled app (`npm run build`). A worker resolves modules on its own, so it first loads the
 * @posledger alias resolver that bin/posledger.js loads.
 */
function threadCode(): string {
  const distAt = __dirname.lastIndexOf(`${sep}dist${sep}`);
  if (distAt < 0) throw new Error('apps on threads run from the build: run `npm run build` first');
  const aliases = join(__dirname.slice(0, distAt), 'scripts', 'register-aliases.js');
  return `require(${JSON.stringify(aliases)});\nrequire(${JSON.stringify(join(__dirname, 'app-thread.js'))});`;
}
