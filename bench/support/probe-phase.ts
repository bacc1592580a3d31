// A phase of the parked-isolation bench: the probe terminal's sales timed, and GET /health of the reports app timed
// beside them, alone or while another terminal floods ingest.
import { runHttpLoad, type SignedRequest } from './http-load';
import { summarizeLoad, type LoadSummary } from './load-summary';
import type { ProbeSample, SaleProbe } from './qr-sale-probe';
import { repeatEvery } from './repeat-every';

export interface ProbePlan {
  readonly probe: SaleProbe;
  readonly sales: number;
  readonly saleIntervalMs: number;
  readonly pollMs: number;
  readonly healthUrl: string;
  readonly healthIntervalMs: number;
}

export interface HealthSample {
  /** Date.now() when the request started. */
  readonly sentAt: number;
  readonly ms: number;
}

export interface PhaseFigures {
  readonly sales: readonly ProbeSample[];
  readonly health: readonly HealthSample[];
}

export interface Flood {
  readonly url: string;
  /** One terminal's batches, sent in order, each as soon as the previous one was answered. */
  readonly requests: readonly SignedRequest[];
  /** Whether the platform shows the flood's end (every event of it taken and projected); polled every `checkMs`. */
  ended(): Promise<boolean>;
  readonly checkMs: number;
  readonly endTimeoutMs: number;
}

export interface FloodFigures extends PhaseFigures {
  readonly load: LoadSummary;
  /** Date.now() before the first flood POST, and of the first check that saw its end. */
  readonly startedAt: number;
  readonly endedAt: number;
}

export async function probePhase(plan: ProbePlan, concurrently: Promise<unknown> = Promise.resolve()): Promise<PhaseFigures> {
  const health: HealthSample[] = [];
  const healthLoop = repeatEvery(plan.healthIntervalMs, async () => {
    const sentAt = Date.now();
    const start = performance.now();
    const response = await fetch(plan.healthUrl);
    await response.text();
    if (!response.ok) throw new Error(`GET /health answered ${response.status}`);
    health.push({ sentAt, ms: performance.now() - start });
  });
  try {
    const [sales] = await Promise.all([plan.probe.run(plan.sales, plan.saleIntervalMs, plan.pollMs), concurrently]);
    return { sales, health };
  } finally {
    await healthLoop.stop();
  }
}

export async function floodPhase(plan: ProbePlan, flood: Flood): Promise<FloodFigures> {
  let endedAt: number | undefined;
  const endWatch = repeatEvery(flood.checkMs, async () => {
    if (endedAt === undefined && (await flood.ended())) endedAt = Date.now();
  });
  try {
    const startedAt = Date.now();
    const results = runHttpLoad({ url: flood.url, terminals: [flood.requests], concurrency: 1 });
    const figures = await probePhase(plan, results);
    const load = summarizeLoad('flood', [flood.requests], await results);
    for (const deadline = Date.now() + flood.endTimeoutMs; endedAt === undefined && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, flood.checkMs));
    }
    if (endedAt === undefined) throw new Error(`the flood's end did not show within ${flood.endTimeoutMs} ms of the probe's last sale`);
    return { ...figures, load, startedAt, endedAt };
  } finally {
    await endWatch.stop();
  }
}
