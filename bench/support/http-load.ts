// Sends pre-signed ingest batches from a worker thread, so that building and parsing HTTP on the client side
// does not run on the platform's event loop (terminals are other machines; here they share the 2 cores).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export interface SignedRequest {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly eventCount: number;
}

export interface LoadPlan {
  readonly url: string;
  /** Each terminal's batches, sent in order: batch k+1 only after batch k was answered. */
  readonly terminals: readonly (readonly SignedRequest[])[];
  readonly concurrency: number;
  /** Paces the start of batches over all terminals; unset for as fast as answers come. */
  readonly batchesPerSecond?: number;
}

export interface BatchResult {
  readonly terminal: number;
  readonly batch: number;
  readonly status: number;
  /** Date.now() just before the request was written and when its answer was read. */
  readonly sentAt: number;
  readonly answeredAt: number;
}

export function runHttpLoad(plan: LoadPlan): Promise<BatchResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'http-load.worker.js'), { workerData: plan });
    let results: BatchResult[] | undefined;
    worker.once('message', (message: BatchResult[]) => (results = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (results && code === 0 ? resolve(results) : reject(new Error(`http load worker exited with ${code}`))));
  });
}
