import { TerminalEvent } from '../terminal-events/terminal-event';
import { withCause } from './with-cause';
import { LedgerContext } from './ledger-context';
import { Cause, LedgerEvent, SequenceGapSkipReason } from './ledger-events';
import { RejectionCode } from './rejection-code';
import { DisputeEvidence, DisputeOpening, DisputeResolution, openDispute, resolveDispute, submitDisputeEvidence } from './rules/dispute.rules';
import { judge } from './rules/judge';
import { evolve } from './terminal-ledger.evolve';
import { occurredAtWindowError } from '../values/bounds';
import { keyedValues } from './keyed-record';
import { MAX_PARKED_EVENTS, REMEMBERED_EVENT_IDS, SequencePolicy } from './sequence-policy';
import { hasSeen, initialState, isSkippedAndMissing, ParkedEvent, parkedAt, saleOf, TerminalLedgerState } from './terminal-ledger.state';
import { WrongTerminalError } from './wrong-terminal.error';

export { evolve, initialState };
export type { LedgerContext, TerminalLedgerState };

export type RecordTerminalEvent = {
  type: 'RecordTerminalEvent';
  /** `receivedAt`: when the platform received the event, the command's clock. */
  data: LedgerContext & { event: TerminalEvent; panMasked: boolean; receivedAt: string; policy: SequencePolicy };
};

/** The clock's tick for a terminal with parked events: skips its gaps once they have been waited on long enough. */
export type SkipExpiredGaps = {
  type: 'SkipExpiredGaps';
  data: LedgerContext & { now: string; policy: SequencePolicy };
};

/** The clock's tick for a terminal holding pre-authorisations: releases those past their expiry. */
export type ExpireHolds = {
  type: 'ExpireHolds';
  data: LedgerContext & { now: string };
};

/** A chargeback on a settled sale, from the acquirer's file or an operator; refused with a DisputeRefusedError. */
export type OpenDispute = { type: 'OpenDispute'; data: LedgerContext & Omit<DisputeOpening, 'merchantId'> };
export type ResolveDispute = { type: 'ResolveDispute'; data: LedgerContext & Omit<DisputeResolution, 'merchantId'> };
export type SubmitDisputeEvidence = { type: 'SubmitDisputeEvidence'; data: LedgerContext & Omit<DisputeEvidence, 'merchantId'> };

export type TerminalLedgerCommand = RecordTerminalEvent | SkipExpiredGaps | ExpireHolds | OpenDispute | ResolveDispute | SubmitDisputeEvidence;

function causeOf(event: TerminalEvent, merchantId: string): Cause {
  return { terminalEventId: event.eventId, terminalId: event.terminalId, merchantId };
}

/** The ledger events a command causes and the state they lead to (the fold of evolve over them). */
export interface TerminalLedgerDecision {
  events: LedgerEvent[];
  state: TerminalLedgerState;
}

function folded(events: LedgerEvent[], state: TerminalLedgerState): TerminalLedgerDecision {
  return { events, state: events.reduce(evolve, state) };
}

function rejection(event: TerminalEvent, merchantId: string, code: RejectionCode, reason: string): LedgerEvent {
  return {
    type: 'TerminalEventRejected',
    data: withCause(causeOf(event, merchantId), {
      eventId: event.eventId,
      sequence: event.sequence,
      eventType: event.type,
      ...(event.transactionId !== undefined ? { transactionId: event.transactionId } : {}),
      ...('originalTransactionId' in event.payload ? { originalTransactionId: event.payload.originalTransactionId } : {}),
      code,
      reason,
    }),
  };
}

function verdictOf(event: TerminalEvent, state: TerminalLedgerState, cause: Cause, ledger: LedgerContext, receivedAt: string) {
  const outOfWindow = occurredAtWindowError(event.occurredAt, receivedAt);
  if (outOfWindow !== null) return { rejected: 'OCCURRED_AT_OUT_OF_WINDOW' as const, reason: `occurredAt ${event.occurredAt} ${outOfWindow}` };
  return judge(event, state, { cause, ...ledger });
}

/**
 * Releases every hold whose expiry is not after `at`, each at its own expiry. The cause is derived from the hold, so
 * that whichever tick or event finds it first records the same release.
 */
function expireHolds(state: TerminalLedgerState, merchantId: string, at: string): TerminalLedgerDecision {
  const released: LedgerEvent[] = state.openHolds.flatMap((transactionId) => {
    const sale = saleOf(state, transactionId);
    if (!sale?.hold || !sale.method || !sale.scheme || Date.parse(sale.hold.expiresAt) > Date.parse(at)) return [];
    const { amount, heldAt, expiresAt } = sale.hold;
    const cause = { terminalEventId: `hold-expiry/${state.terminalId}/${transactionId}`, terminalId: state.terminalId, merchantId };
    return [{ type: 'PreAuthorizationReleased', data: withCause(cause, { transactionId, amount, method: sale.method, scheme: sale.scheme, reason: 'EXPIRED', heldAt, occurredAt: expiresAt }) }];
  });
  return folded(released, state);
}

/**
 * Records one terminal event (the next in sequence, or one filling a skipped gap late) and its outcome or rejection,
 * after the holds that expired before it happened.
 */
function processEvent(arrived: ParkedEvent, state: TerminalLedgerState, ledger: LedgerContext): TerminalLedgerDecision {
  return then(expireHolds(state, ledger.merchantId, arrived.event.occurredAt), (s) => processArrived(arrived, s, ledger));
}

function processArrived({ event, panMasked, receivedAt }: ParkedEvent, state: TerminalLedgerState, ledger: LedgerContext): TerminalLedgerDecision {
  const { merchantId } = ledger;
  const cause = causeOf(event, merchantId);
  const recorded: LedgerEvent = { type: 'TerminalEventRecorded', data: withCause(cause, { event, panMasked }) };
  // The rules judge the state with the event recorded; the outcome is folded on from there, not from `state`.
  const withRecorded = evolve(state, recorded);
  const verdict = verdictOf(event, withRecorded, cause, ledger, receivedAt);
  const outcome = 'accepted' in verdict ? verdict.accepted : [rejection(event, merchantId, verdict.rejected, verdict.reason)];
  return { events: [recorded, ...outcome], state: outcome.reduce(evolve, withRecorded) };
}

/** Appends a decision to another: the events in order, the later state. */
function then(first: TerminalLedgerDecision, next: (state: TerminalLedgerState) => TerminalLedgerDecision): TerminalLedgerDecision {
  const second = next(first.state);
  return { events: [...first.events, ...second.events], state: second.state };
}

/** Applies the parked event that is next in sequence, and each one after it, in order. */
function releaseParked(state: TerminalLedgerState, ledger: LedgerContext, cause: Cause): TerminalLedgerDecision {
  const events: LedgerEvent[] = [];
  let current = state;
  let released = 0;
  for (let next = parkedAt(current, current.nextSequence); next !== undefined; next = parkedAt(current, current.nextSequence)) {
    const processed = processEvent(next, current, ledger);
    events.push(...processed.events);
    current = processed.state;
    released += 1;
  }
  if (released === 0) return { events, state: current };
  const summary: LedgerEvent = {
    type: 'ParkedEventsReleased',
    data: withCause(cause, { released, parkedCount: current.parkedCount, nextSequence: current.nextSequence }),
  };
  return { events: [...events, summary], state: evolve(current, summary) };
}

/**
 * Skips every gap before the parked events and applies them in order: the sort is paid once per release, so
 * holding an event stays O(1).
 */
function skipGaps(state: TerminalLedgerState, ledger: LedgerContext, cause: Cause, reason: SequenceGapSkipReason, now: string): TerminalLedgerDecision {
  const sequences = keyedValues(state.parked).map(({ event }) => event.sequence).sort((a, b) => a - b);
  const waitingSince = state.waitingSince ?? now;
  let decision: TerminalLedgerDecision = { events: [], state };
  for (const sequence of sequences) {
    if (sequence < decision.state.nextSequence) continue;
    if (sequence > decision.state.nextSequence) {
      const gap: LedgerEvent = {
        type: 'SequenceGapSkipped',
        data: withCause(cause, { from: decision.state.nextSequence, to: sequence - 1, reason, waitingSince, skippedAt: now }),
      };
      decision = then(decision, (s) => folded([gap], s));
    }
    decision = then(decision, (s) => releaseParked(s, ledger, cause));
  }
  return decision;
}

function gapExpired(state: TerminalLedgerState, now: string, policy: SequencePolicy): boolean {
  return state.waitingSince !== null && Date.parse(now) - Date.parse(state.waitingSince) >= policy.gapTimeoutMs;
}

/** The cause of what the clock alone decides: derived from where the terminal stands, so a retry derives the same. */
function clockCause(state: TerminalLedgerState, merchantId: string): Cause {
  return { terminalEventId: `sequence-gap/${state.terminalId}/${state.nextSequence}`, terminalId: state.terminalId, merchantId };
}

function park(event: TerminalEvent, panMasked: boolean, receivedAt: string, state: TerminalLedgerState, merchantId: string): TerminalLedgerDecision {
  return folded([{
    type: 'TerminalEventParked',
    data: withCause(causeOf(event, merchantId), {
      eventId: event.eventId,
      sequence: event.sequence,
      expectedSequence: state.nextSequence,
      event,
      panMasked,
      receivedAt,
      waitingSince: state.waitingSince ?? receivedAt,
    }),
  }], state);
}

function recordTerminalEvent(data: RecordTerminalEvent['data'], state: TerminalLedgerState): TerminalLedgerDecision {
  const { event, panMasked, receivedAt, policy, ...ledger } = data;
  const { merchantId } = ledger;
  if (event.terminalId !== state.terminalId) throw new WrongTerminalError(state.terminalId, event.terminalId);
  if (hasSeen(state, event)) return { events: [], state };
  const cause = causeOf(event, merchantId);
  const { sequence } = event;
  const arrived: ParkedEvent = { event, panMasked, receivedAt };
  if (sequence < state.nextSequence) {
    if (isSkippedAndMissing(state, sequence)) return processEvent(arrived, state, ledger);
    const reason = sequence < state.rememberedFrom
      ? `sequence ${sequence} was decided before the ${REMEMBERED_EVENT_IDS} most recent events whose ids are remembered`
      : `sequence ${sequence} already belongs to another event`;
    return folded([rejection(event, merchantId, 'SEQUENCE_REUSED', reason)], state);
  }
  if (parkedAt(state, sequence) !== undefined) {
    return folded([rejection(event, merchantId, 'SEQUENCE_REUSED', `sequence ${sequence} already belongs to another event`)], state);
  }
  const taken = sequence === state.nextSequence
    ? then(processEvent(arrived, state, ledger), (s) => releaseParked(s, ledger, cause))
    : park(event, panMasked, receivedAt, state, merchantId);
  if (taken.state.parkedCount > MAX_PARKED_EVENTS) return then(taken, (s) => skipGaps(s, ledger, cause, 'PARKED_LIMIT', receivedAt));
  if (gapExpired(taken.state, receivedAt, policy)) return then(taken, (s) => skipGaps(s, ledger, cause, 'TIMEOUT', receivedAt));
  return taken;
}

function skipExpiredGaps(data: SkipExpiredGaps['data'], state: TerminalLedgerState): TerminalLedgerDecision {
  const { now, policy, ...ledger } = data;
  if (!gapExpired(state, now, policy)) return { events: [], state };
  return skipGaps(state, ledger, clockCause(state, ledger.merchantId), 'TIMEOUT', now);
}

/**
 * Pure: `decide` and the state its events lead to, in one pass (each event evolved once); `state` deep-equals
 * `events.reduce(evolve, state)`.
 */
export function decideAndEvolve(command: TerminalLedgerCommand, state: TerminalLedgerState): TerminalLedgerDecision {
  switch (command.type) {
    case 'RecordTerminalEvent':
      return recordTerminalEvent(command.data, state);
    case 'SkipExpiredGaps':
      return skipExpiredGaps(command.data, state);
    case 'ExpireHolds':
      return expireHolds(state, command.data.merchantId, command.data.now);
    case 'OpenDispute':
      return folded(openDispute(command.data, state), state);
    case 'ResolveDispute':
      return folded(resolveDispute(command.data, state), state);
    case 'SubmitDisputeEvidence':
      return folded(submitDisputeEvidence(command.data, state), state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

/** Pure: the ledger events a command causes; `[]` for a terminal event already seen, a gap or a hold not yet due. */
export function decide(command: TerminalLedgerCommand, state: TerminalLedgerState): LedgerEvent[] {
  return decideAndEvolve(command, state).events;
}

export interface TerminalLedgerDecider {
  decide: typeof decide;
  decideAndEvolve: typeof decideAndEvolve;
  evolve: typeof evolve;
  initialState: () => TerminalLedgerState;
}

/** The decider of one terminal's stream, for runners and specifications. */
export function terminalLedgerDecider(terminalId: string): TerminalLedgerDecider {
  return { decide, decideAndEvolve, evolve, initialState: () => initialState(terminalId) };
}
