// The timed phases of the ingest bench against a running platform. Times come from the load worker
// (send / answer), the event store (recordedAt of each TerminalEventRecorded) and the projection watch.
import type { EventStore } from '@posledger/event-store';
import type { TerminalEvent } from '@posledger/terminal-simulator';
import { runHttpLoad, type SignedRequest } from './http-load';
import { summarizeLoad } from './load-summary';
import type { ProjectionWatch } from './projection-watch';
import { headAtRest, readRecorded, type Recorded } from './recorded-terminal-events';
import { perSecond } from './stats';

export interface PhaseTarget {
  readonly ingestUrl: string;
  /** A second handle on the platform's event store (same LMDB environment), read only. */
  readonly eventStore: EventStore;
  readonly watch: ProjectionWatch;
  projectionsCaughtUp(): Promise<void>;
}

export interface PhaseBatches {
  /** Per terminal, its batches in order, and the same batches signed. */
  readonly events: readonly (readonly (readonly TerminalEvent[])[])[];
  readonly requests: readonly (readonly SignedRequest[])[];
}

export interface PipelineFigures {
  readonly events: number;
  /** From `startedAt` until the last terminal event was recorded in the event store / visible in every view. */
  readonly ledgerEventsPerSecond: number;
  readonly viewsEventsPerSecond: number;
}

export interface ThroughputFigures extends PipelineFigures {
  readonly ingestEventsPerSecond: number;
}

export interface LagFigures {
  readonly events: number;
  readonly sentEventsPerSecond: number;
  /** Per batch, ms from sending it to its last event committed in the event store / visible in every view. */
  readonly eventStoreLagMs: number[];
  readonly viewsLagMs: number[];
}

const QUIET_MS = 1_000;
const SETTLE_TIMEOUT_MS = 150_000;

export async function throughputPhase(target: PhaseTarget, batches: PhaseBatches, concurrency: number): Promise<ThroughputFigures> {
  const startHead = await target.eventStore.headPosition();
  const load = summarizeLoad('ingest', batches.requests, await runHttpLoad({ url: target.ingestUrl, terminals: batches.requests, concurrency }));
  return { ...(await pipelineFigures(target, startHead, load.events, load.firstSentAt)), ingestEventsPerSecond: load.eventsPerSecond };
}

/** Waits until the ledger recorded `events` terminal events after `startHead` and the views show them all. */
export async function pipelineFigures(target: PhaseTarget, startHead: bigint, events: number, startedAt: number): Promise<PipelineFigures> {
  const { head: finalHead, recorded } = await settled(target, startHead, events);
  const ledgerDoneAt = Array.from(recorded.values()).reduce((latest, r) => Math.max(latest, r.recordedAt), 0);
  const viewsDoneAt = await target.watch.whenVisible(finalHead - 1n, 30_000);
  return {
    events,
    ledgerEventsPerSecond: perSecond(events, ledgerDoneAt - startedAt),
    viewsEventsPerSecond: perSecond(events, viewsDoneAt - startedAt),
  };
}

export async function lagPhase(target: PhaseTarget, batches: PhaseBatches, eventsPerSecond: number, batchSize: number): Promise<LagFigures> {
  const startHead = await target.eventStore.headPosition();
  const results = await runHttpLoad({ url: target.ingestUrl, terminals: batches.requests, concurrency: 64, batchesPerSecond: eventsPerSecond / batchSize });
  const load = summarizeLoad('lag phase', batches.requests, results);
  const { head, recorded } = await settled(target, startHead, load.events);
  await target.watch.whenVisible(head - 1n, 30_000);
  const eventStoreLagMs: number[] = [];
  const viewsLagMs: number[] = [];
  for (const result of results) {
    const lastEvent = batches.events[result.terminal][result.batch].at(-1);
    const last = lastEvent === undefined ? undefined : recorded.get(lastEvent.eventId);
    const visibleAt = last === undefined ? undefined : target.watch.visibleAt(last.position);
    if (last === undefined || visibleAt === undefined) throw new Error(`batch ${result.batch} of terminal ${result.terminal} never became visible`);
    eventStoreLagMs.push(last.recordedAt - result.sentAt);
    viewsLagMs.push(visibleAt - result.sentAt);
  }
  return { events: load.events, sentEventsPerSecond: load.eventsPerSecond, eventStoreLagMs, viewsLagMs };
}

/**
 * Waits until the ledger has recorded `events` terminal events after `startHead` (checked whenever the event store
 * head rests, so that reading does not compete with the run) and the views reached that head.
 */
async function settled(target: PhaseTarget, startHead: bigint, events: number): Promise<{ head: bigint; recorded: Map<string, Recorded> }> {
  const recorded = new Map<string, Recorded>();
  let next = startHead;
  for (const deadline = Date.now() + SETTLE_TIMEOUT_MS; recorded.size < events; ) {
    if (Date.now() > deadline) throw new Error(`ledger recorded ${recorded.size} of the ${events} terminal events accepted`);
    await headAtRest(target.eventStore, QUIET_MS);
    next = await readRecorded(target.eventStore, next, recorded);
  }
  if (recorded.size !== events) throw new Error(`ledger recorded ${recorded.size} terminal events, ${events} were accepted`);
  await target.projectionsCaughtUp();
  return { head: next, recorded };
}
