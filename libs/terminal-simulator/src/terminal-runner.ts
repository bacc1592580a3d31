// One terminal's loop: take whole flows from its script, send them in sequence order in batches, and never
// send batch k+1 before batch k got 202. While the script's outage lasts the terminal is offline: it keeps
// its events and sends them, in order, once the outage ends. A batch that fails for good ends the terminal there.
import { IngestClient } from './ingest-client';
import { SimulationRun } from './simulation-run';
import { TerminalEvent } from './terminal-event';
import { TrafficScript } from './traffic-script';

export interface TerminalRunnerOptions {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly secret: string;
  readonly script: TrafficScript;
  readonly client: IngestClient;
  readonly run: SimulationRun;
  readonly batchSize: number;
  /** This terminal's share of the run's events per second; null for as fast as the platform answers. */
  readonly eventsPerSecond: number | null;
  readonly settleAtEnd: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runTerminal(options: TerminalRunnerOptions): Promise<void> {
  const { script, run, batchSize } = options;
  const queue: TerminalEvent[] = [];
  let generated = 0;
  while (!run.generationOver()) {
    await paceGeneration(options, generated);
    if (run.generationOver()) break;
    const flow = takeFlowWithinBudget(script, run);
    if (flow === null) break;
    generated += flow.length;
    queue.push(...flow);
    if (script.offline) continue;
    while (queue.length >= batchSize) {
      if (!(await sendBatch(options, queue.splice(0, batchSize)))) return;
    }
  }
  // Closing the batch forwards any offline sales; without it, what an outage still holds goes out as the run ends.
  if (options.settleAtEnd) queue.push(...script.closeBatch());
  while (queue.length > 0) {
    if (!(await sendBatch(options, queue.splice(0, batchSize)))) return;
  }
}

/** A whole flow, or null when it does not fit the run's event budget (the script is then rewound). */
function takeFlowWithinBudget(script: TrafficScript, run: SimulationRun): TerminalEvent[] | null {
  const mark = run.hasEventBudget ? script.snapshot() : null;
  const flow = script.nextFlow();
  if (run.tryReserve(flow.length)) return flow;
  if (mark !== null) script.restore(mark);
  return null;
}

async function paceGeneration(options: TerminalRunnerOptions, generated: number): Promise<void> {
  if (options.eventsPerSecond === null) return;
  const { run } = options;
  const dueAt = run.startedAtMs + (generated / options.eventsPerSecond) * 1000;
  const until = run.deadlineMs === null ? dueAt : Math.min(dueAt, run.deadlineMs);
  const waitMs = until - run.nowMs();
  if (waitMs > 0) await sleep(waitMs);
}

async function sendBatch(options: TerminalRunnerOptions, batch: TerminalEvent[]): Promise<boolean> {
  const outcome = await options.client.sendBatch({ terminalId: options.terminalId, secret: options.secret }, batch);
  if (outcome.kind === 'accepted') {
    options.run.recordAccepted(options.terminalId, batch, outcome.duplicates);
    return true;
  }
  options.run.recordFailure({
    terminalId: options.terminalId,
    merchantId: options.merchantId,
    firstSequence: batch[0]?.sequence ?? 0,
    lastSequence: batch[batch.length - 1]?.sequence ?? 0,
    eventCount: batch.length,
    status: outcome.status,
    error: outcome.error,
    attempts: outcome.attempts,
  });
  return false;
}
