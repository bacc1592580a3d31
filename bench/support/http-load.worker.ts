import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchResult, LoadPlan, SignedRequest } from './http-load';

const INGEST_PATH = '/v1/terminal-events';

function post(agent: Agent, url: URL, signed: SignedRequest): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: INGEST_PATH, method: 'POST', headers: { ...signed.headers, 'content-length': Buffer.byteLength(signed.body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(signed.body);
  });
}

async function run(plan: LoadPlan): Promise<BatchResult[]> {
  const url = new URL(plan.url);
  const agent = new Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const nextBatch = plan.terminals.map(() => 0);
  const ready = plan.terminals.map((_, terminal) => terminal).filter((terminal) => plan.terminals[terminal].length > 0);
  let unfinished = ready.length;
  const idle: (() => void)[] = [];
  const results: BatchResult[] = [];
  const startedAt = Date.now();

  let scheduled = 0;
  const pace = async (): Promise<void> => {
    if (plan.batchesPerSecond === undefined) return;
    const wait = startedAt + scheduled++ * (1000 / plan.batchesPerSecond) - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };

  const sender = async (): Promise<void> => {
    while (unfinished > 0) {
      const terminal = ready.shift();
      if (terminal === undefined) {
        // Every terminal with batches left is in flight on another sender.
        await new Promise<void>((resolve) => idle.push(resolve));
        continue;
      }
      const batch = nextBatch[terminal]++;
      await pace();
      const sentAt = Date.now();
      const status = await post(agent, url, plan.terminals[terminal][batch]);
      results.push({ terminal, batch, status, sentAt, answeredAt: Date.now() });
      if (nextBatch[terminal] < plan.terminals[terminal].length) ready.push(terminal);
      else unfinished--;
      idle.splice(0).forEach((wake) => wake());
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, sender));
  agent.destroy();
  return results;
}

void run(workerData as LoadPlan).then((results) => parentPort?.postMessage(results));
