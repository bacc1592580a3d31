import { Worker } from 'node:worker_threads';
import { loadPlatformConfig } from '@posledger/platform-config';
import { APP_THREAD_YOUNG_GENERATION_MB, appThreadOptions } from './app-threads';

/** What a thread created with the app threads' options reports of its own heap limits. */
function limitsSeenInside(options: ReturnType<typeof appThreadOptions>): Promise<{ maxYoungGenerationSizeMb?: number }> {
  const worker = new Worker("require('node:worker_threads').parentPort.postMessage(require('node:worker_threads').resourceLimits)", options);
  return new Promise((resolve, reject) => {
    worker.once('message', (limits) => void worker.terminate().then(() => resolve(limits)));
    worker.once('error', reject);
  });
}

describe('app threads', () => {
  it("run with the platform's young generation, not V8's default", async () => {
    const options = appThreadOptions({ app: 'ingest', config: loadPlatformConfig({}) });

    expect(options.workerData).toMatchObject({ app: 'ingest' });
    expect(await limitsSeenInside(options)).toMatchObject({ maxYoungGenerationSizeMb: APP_THREAD_YOUNG_GENERATION_MB });
  });
});
