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

/** Records one terminal event (the next in sequence) and its outcome or its rejection. */
function processInSequence(
  { event, panMasked }: ParkedEvent,
  state: TerminalLedgerState,
  merchantId: string,
  feeSchedule: FeeSchedule,
): LedgerEvent[] {
  const cause = causeOf(event, merchantId);
  const recorded: LedgerEvent = { type: 'TerminalEventRecorded', data: { ...cause, event, panMasked } };
  const verdict = judge(event, evolve(state, recorded), { cause, feeSchedule });
  if ('accepted' in verdict) return [recorded, ...verdict.accepted];
  return [recorded, rejection(event, merchantId, verdict.rejected, verdict.reason)];
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

function recordTerminalEvent(data: RecordTerminalEvent['data'], state: TerminalLedgerState): LedgerEvent[] {
  const { event, panMasked, merchantId, feeSchedule } = data;
  if (event.terminalId !== state.terminalId) throw new WrongTerminalError(state.terminalId, event.terminalId);
  if (hasSeen(state, event.eventId)) return [];
  const { sequence } = event;
  if (sequence < state.nextSequence || state.parked[String(sequence)] !== undefined) {
    return [rejection(event, merchantId, 'SEQUENCE_REUSED', `sequence ${sequence} already belongs to another event`)];
  }
  if (sequence > state.nextSequence) {
    return [{
      type: 'TerminalEventParked',
      data: { ...causeOf(event, merchantId), eventId: event.eventId, sequence, expectedSequence: state.nextSequence, event, panMasked },
    }];
  }
  // In sequence: process it, then every parked event its arrival releases, in order.
  const decided: LedgerEvent[] = [];
  let current = state;
  let next: ParkedEvent | undefined = { event, panMasked };
  while (next !== undefined) {
    const produced = processInSequence(next, current, merchantId, feeSchedule);
    decided.push(...produced);
    current = produced.reduce(evolve, current);
    next = current.parked[String(current.nextSequence)];
  }
  return decided;
}

/** Pure: the ledger events a command causes; `[]` for a terminal event already seen. */
export function decide(command: TerminalLedgerCommand, state: TerminalLedgerState): LedgerEvent[] {
  switch (command.type) {
    case 'RecordTerminalEvent':
      return recordTerminalEvent(command.data, state);
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export interface TerminalLedgerDecider {
  decide: typeof decide;
  evolve: typeof evolve;
  initialState: () => TerminalLedgerState;
}

/** The decider of one terminal's stream, for runners and specifications. */
export function terminalLedgerDecider(terminalId: string): TerminalLedgerDecider {
  return { decide, evolve, initialState: () => initialState(terminalId) };
}
