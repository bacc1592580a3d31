// The two timed phases of the ingest bench against a running platform. Times come from the load worker
// (send / answer), the event store (recordedAt of each TerminalEventRecorded) and the projection watch.
import type { EventStore } from '@posledger/event-store';
import type { TerminalEvent } from '../../apps/posledger/src/simulator';
import { runHttpLoad, type SignedRequest } from './http-load';
import { summarizeLoad } from './load-summary';
import type { ProjectionWatch } from './projection-watch';
import { headAtRest, recordedTerminalEvents } from './recorded-terminal-events';
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

export interface ThroughputFigures {
  readonly events: number;
  readonly ingestEventsPerSecond: number;
  readonly ledgerEventsPerSecond: number;
  readonly viewsEventsPerSecond: number;
}

export interface LagFigures {
  readonly events: number;
  readonly sentEventsPerSecond: number;
  /** Per batch, ms from sending it to its last event committed in the event store / visible in every view. */
  readonly eventStoreLagMs: number[];
  readonly viewsLagMs: number[];
}

const QUIET_MS = 1_000;

export async function throughputPhase(target: PhaseTarget, batches: PhaseBatches, concurrency: number): Promise<ThroughputFigures> {
  const startHead = await target.eventStore.headPosition();
  const load = summarizeLoad('ingest', batches.requests, await runHttpLoad({ url: target.ingestUrl, terminals: batches.requests, concurrency }));
  const finalHead = await settled(target);
  const recorded = await recordedTerminalEvents(target.eventStore, startHead);
  if (recorded.size !== load.events) throw new Error(`ledger recorded ${recorded.size} terminal events, ${load.events} were accepted`);
  const ledgerDoneAt = Array.from(recorded.values()).reduce((latest, r) => Math.max(latest, r.recordedAt), 0);
  const viewsDoneAt = target.watch.visibleAt(finalHead - 1n);
  if (viewsDoneAt === undefined) throw new Error('the projection watch never saw the views reach the head');
  return {
    events: load.events,
    ingestEventsPerSecond: load.eventsPerSecond,
    ledgerEventsPerSecond: perSecond(load.events, ledgerDoneAt - load.firstSentAt),
    viewsEventsPerSecond: perSecond(load.events, viewsDoneAt - load.firstSentAt),
  };
}

export async function lagPhase(target: PhaseTarget, batches: PhaseBatches, eventsPerSecond: number, batchSize: number): Promise<LagFigures> {
  const startHead = await target.eventStore.headPosition();
  const results = await runHttpLoad({ url: target.ingestUrl, terminals: batches.requests, concurrency: 64, batchesPerSecond: eventsPerSecond / batchSize });
  const load = summarizeLoad('lag phase', batches.requests, results);
  await settled(target);
  const recorded = await recordedTerminalEvents(target.eventStore, startHead);
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

/** Waits for the ledger to go quiet and the views to reach its head; returns that head. */
async function settled(target: PhaseTarget): Promise<bigint> {
  const head = await headAtRest(target.eventStore, QUIET_MS);
  await target.projectionsCaughtUp();
  // Gives the projection watch the turn in which it records this same catch-up.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return head;
}
