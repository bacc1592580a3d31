// When a terminal's events happen: either a simulated clock that jumps by PRNG-drawn gaps from a start
// instant (days pass in seconds), or the live wall clock handed in by the caller. Instants never go back;
// on the live clock several events may share a millisecond (sequence orders them), so a fast terminal's
// occurredAt never runs ahead of the wall clock.
import { StepDelay } from './event-writer';
import { Prng } from './prng';

export interface GapRange {
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

export type ScriptClock =
  | { readonly kind: 'simulated'; readonly startAt: number; readonly flowGap?: GapRange }
  | { readonly kind: 'live'; readonly now: () => number };

export const DAY_MS = 86_400_000;
const DEFAULT_FLOW_GAP: GapRange = { minSeconds: 20, maxSeconds: 900 };
const STEP_DELAY_MS: Record<Exclude<StepDelay, 'next-flow'>, readonly [number, number]> = {
  customer: [1_500, 12_000],
  host: [800, 3_500],
  'host-timeout': [30_000, 60_000],
  closing: [5_000, 60_000],
};

export function utcDay(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}

/** When the next customer arrives, given the last event's instant. */
export function nextFlowInstant(clock: ScriptClock, lastOccurredAt: number, prng: Prng): number {
  if (clock.kind === 'live') return Math.max(clock.now(), lastOccurredAt);
  const gap = clock.flowGap ?? DEFAULT_FLOW_GAP;
  return lastOccurredAt + prng.intBetween(gap.minSeconds * 1000, gap.maxSeconds * 1000);
}

/** The instant of an event inside a flow, a step after the previous one. */
export function stepInstant(clock: ScriptClock, delay: Exclude<StepDelay, 'next-flow'>, lastOccurredAt: number, prng: Prng): number {
  if (clock.kind === 'live') return Math.max(clock.now(), lastOccurredAt);
  const [min, max] = STEP_DELAY_MS[delay];
  return lastOccurredAt + prng.intBetween(min, max);
}
