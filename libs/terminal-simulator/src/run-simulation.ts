// Realistic terminal traffic through the public ingest API: every terminal an async loop, all concurrent.
import { randomInt } from 'node:crypto';
import { IngestClient } from './ingest-client';
import { Prng, terminalSeed } from './prng';
import { RetryPolicy } from './retry-policy';
import { ScriptClock } from './script-clock';
import { ScriptRates } from './script-rates';
import { SimulationProgress, SimulationReport } from './simulation-report';
import { SimulationRun } from './simulation-run';
import { runTerminal } from './terminal-runner';
import { TrafficScript } from './traffic-script';

export interface SimulatedTerminal {
  readonly terminalId: string;
  readonly merchantId: string;
  readonly secret: string;
  readonly currency: string;
  /** The provisioned operator id; drawn at random when absent. */
  readonly operatorId?: string;
  /** For a terminal that already sent events: its next sequence and batch number. */
  readonly firstSequence?: number;
  readonly firstBatchNumber?: number;
  /** The merchant's offline limit (minor units): in an outage, card sales up to it are approved offline. */
  readonly offlineUpToMinor?: bigint;
}

export interface SimulationOptions {
  readonly ingestUrl: string;
  readonly terminals: readonly SimulatedTerminal[];
  /** Stop starting new flows after this long; 10 s when neither this nor maxEvents is given. */
  readonly durationSeconds?: number;
  /** Stop before a flow would take the run past this many events; closing settlements come on top. */
  readonly maxEvents?: number;
  /** Stop starting new flows once this holds (say, when a test has injected all its faults); checked before each flow. */
  readonly stopWhen?: () => boolean;
  /** Target rate over all terminals; unset for as fast as the platform answers. */
  readonly eventsPerSecond?: number;
  /** Events per request, 1..500; default 20. */
  readonly batchSize?: number;
  readonly seed?: number;
  /** Close every terminal's open batch at the end, so the figures are final; default true. */
  readonly settleAtEnd?: boolean;
  /** Runs on a simulated clock from this instant (days pass in seconds); the live clock when absent. */
  readonly startAt?: string | number;
  /** Share of settlements whose terminal totals leave out one sale (MISMATCH demos); default 0. */
  readonly mismatchRate?: number;
  readonly rates?: Partial<ScriptRates>;
  readonly retry?: Partial<RetryPolicy>;
  readonly onProgress?: (progress: SimulationProgress) => void;
}

const DEFAULT_DURATION_SECONDS = 10;
const DEFAULT_BATCH_SIZE = 20;
const MAX_BATCH_SIZE = 500;

export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  validate(options);
  const seed = options.seed ?? randomInt(0, 0xffff_ffff);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const durationSeconds =
    options.durationSeconds ?? (options.maxEvents === undefined ? DEFAULT_DURATION_SECONDS : undefined);
  const startedAtMs = Date.now();
  const run = new SimulationRun(
    startedAtMs,
    {
      deadlineMs: durationSeconds === undefined ? null : startedAtMs + durationSeconds * 1000,
      maxEvents: options.maxEvents ?? null,
      ...(options.stopWhen ? { stopWhen: options.stopWhen } : {}),
    },
    Date.now,
    options.onProgress,
  );
  const client = new IngestClient({ ingestUrl: options.ingestUrl, ...(options.retry ? { retry: options.retry } : {}) });
  const perTerminalRate = options.eventsPerSecond === undefined ? null : options.eventsPerSecond / options.terminals.length;
  const rates: Partial<ScriptRates> = { ...options.rates, ...(options.mismatchRate === undefined ? {} : { mismatch: options.mismatchRate }) };

  for (const terminal of options.terminals) run.books.registerTerminal(terminal);
  const scripts = new Map(
    options.terminals.map((terminal) => [
      terminal.terminalId,
      new TrafficScript({
          prng: new Prng(terminalSeed(seed, terminal.terminalId)),
          terminalId: terminal.terminalId,
          currency: terminal.currency,
          clock: scriptClock(options.startAt),
          rates,
          ...(terminal.operatorId === undefined ? {} : { operatorId: terminal.operatorId }),
          ...(terminal.firstSequence === undefined ? {} : { firstSequence: terminal.firstSequence }),
          ...(terminal.firstBatchNumber === undefined ? {} : { firstBatchNumber: terminal.firstBatchNumber }),
          ...(terminal.offlineUpToMinor === undefined ? {} : { offlineUpToMinor: terminal.offlineUpToMinor }),
        }),
    ]),
  );
  await Promise.all(
    options.terminals.map((terminal) =>
      runTerminal({
        terminalId: terminal.terminalId,
        merchantId: terminal.merchantId,
        secret: terminal.secret,
        script: scripts.get(terminal.terminalId) as TrafficScript,
        client,
        run,
        batchSize,
        eventsPerSecond: perTerminalRate,
        settleAtEnd: options.settleAtEnd ?? true,
      }),
    ),
  );

  const elapsedMs = Math.max(run.elapsedMs(), 1);
  return {
    seed,
    eventsSent: run.eventsSent,
    batchesAccepted: run.batchesAccepted,
    duplicates: run.duplicates,
    failures: run.failures,
    elapsedMs,
    eventsPerSecond: Math.round((run.eventsSent / elapsedMs) * 1000 * 100) / 100,
    totals: run.books.totalsByMerchant(),
    terminals: Object.fromEntries(
      [...scripts].map(([terminalId, script]) => [terminalId, { nextSequence: script.lastSequence + 1, nextBatchNumber: script.openBatchNumber }]),
    ),
  };
}

function scriptClock(startAt: string | number | undefined): ScriptClock {
  if (startAt === undefined) return { kind: 'live', now: Date.now };
  const startMs = typeof startAt === 'number' ? startAt : Date.parse(startAt);
  if (!Number.isFinite(startMs)) throw new RangeError(`startAt is not an instant: ${String(startAt)}`);
  return { kind: 'simulated', startAt: startMs };
}

function validate(options: SimulationOptions): void {
  if (options.terminals.length === 0) throw new RangeError('at least one terminal is needed');
  const ids = new Set(options.terminals.map((terminal) => terminal.terminalId));
  if (ids.size !== options.terminals.length) throw new RangeError('terminal ids must be unique');
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new RangeError(`batchSize must be an integer in 1..${MAX_BATCH_SIZE}`);
  }
  for (const [name, value] of [
    ['durationSeconds', options.durationSeconds],
    ['maxEvents', options.maxEvents],
    ['eventsPerSecond', options.eventsPerSecond],
  ] as const) {
    if (value !== undefined && !(value > 0)) throw new RangeError(`${name} must be positive`);
  }
}
