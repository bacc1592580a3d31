import { TerminalEvent } from '../terminal-events/terminal-event';
import { FeeSchedule } from './fee-schedule';
import { Cause, LedgerEvent } from './ledger-events';
import { RejectionCode } from './rejection-code';
import { judge } from './rules/judge';
import { evolve } from './terminal-ledger.evolve';
import { hasSeen, initialState, ParkedEvent, TerminalLedgerState } from './terminal-ledger.state';
import { WrongTerminalError } from './wrong-terminal.error';

export { evolve, initialState };
export type { TerminalLedgerState };

export type RecordTerminalEvent = {
  type: 'RecordTerminalEvent';
  data: { event: TerminalEvent; panMasked: boolean; merchantId: string; feeSchedule: FeeSchedule };
};

export type TerminalLedgerCommand = RecordTerminalEvent;

/** The stream that holds one terminal's ledger. */
export const terminalStreamName = (terminalId: string): string => `terminal-${terminalId}`;

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

/** Records one terminal event (the next in sequence) and its outcome or its rejection. */
function processInSequence(
  { event, panMasked }: ParkedEvent,
  state: TerminalLedgerState,
  merchantId: string,
  feeSchedule: FeeSchedule,
): TerminalLedgerDecision {
  const cause = causeOf(event, merchantId);
  const recorded: LedgerEvent = { type: 'TerminalEventRecorded', data: { ...cause, event, panMasked } };
  // The rules judge the state with the event recorded; the outcome is folded on from there, not from `state`.
  const withRecorded = evolve(state, recorded);
  const verdict = judge(event, withRecorded, { cause, feeSchedule });
  const outcome = 'accepted' in verdict ? verdict.accepted : [rejection(event, merchantId, verdict.rejected, verdict.reason)];
  return { events: [recorded, ...outcome], state: outcome.reduce(evolve, withRecorded) };
}

function rejection(event: TerminalEvent, merchantId: string, code: RejectionCode, reason: string): LedgerEvent {
  return {
    type: 'TerminalEventRejected',
    data: {
      ...causeOf(event, merchantId),
      eventId: event.eventId,
      sequence: event.sequence,
      eventType: event.type,
      ...(event.transactionId !== undefined ? { transactionId: event.transactionId } : {}),
      code,
      reason,
    },
  };
}

function recordTerminalEvent(data: RecordTerminalEvent['data'], state: TerminalLedgerState): TerminalLedgerDecision {
  const { event, panMasked, merchantId, feeSchedule } = data;
  if (event.terminalId !== state.terminalId) throw new WrongTerminalError(state.terminalId, event.terminalId);
  if (hasSeen(state, event.eventId)) return { events: [], state };
  const { sequence } = event;
  if (sequence < state.nextSequence || state.parked[String(sequence)] !== undefined) {
    return folded([rejection(event, merchantId, 'SEQUENCE_REUSED', `sequence ${sequence} already belongs to another event`)], state);
  }
  if (sequence > state.nextSequence) {
    return folded([{
      type: 'TerminalEventParked',
      data: { ...causeOf(event, merchantId), eventId: event.eventId, sequence, expectedSequence: state.nextSequence, event, panMasked },
    }], state);
  }
  // In sequence: process it, then every parked event its arrival releases, in order.
  const events: LedgerEvent[] = [];
  let current = state;
  let next: ParkedEvent | undefined = { event, panMasked };
  while (next !== undefined) {
    const processed = processInSequence(next, current, merchantId, feeSchedule);
    events.push(...processed.events);
    current = processed.state;
    next = current.parked[String(current.nextSequence)];
  }
  return { events, state: current };
}

/**
 * Pure: `decide` and the state its events lead to, in one pass (each event evolved once); `state` deep-equals
 * `events.reduce(evolve, state)`.
 */
export function decideAndEvolve(command: TerminalLedgerCommand, state: TerminalLedgerState): TerminalLedgerDecision {
  switch (command.type) {
    case 'RecordTerminalEvent':
      return recordTerminalEvent(command.data, state);
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

/** Pure: the ledger events a command causes; `[]` for a terminal event already seen. */
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
