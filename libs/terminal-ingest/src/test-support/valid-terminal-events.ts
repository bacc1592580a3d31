import { EXAMPLE_PAYLOADS, isTransactionlessType, type TerminalEventType } from '@posledger/domain';
import { TERMINAL_ID } from './ingest-under-test';

export interface EventIds {
  readonly eventId: string;
  readonly transactionId: string;
}

/** A valid event of the terminal under test, happening at `occurredAtMs`; a fresh copy each call. */
export function validEvent(type: TerminalEventType, ids: EventIds, sequence: number, occurredAtMs: number): Record<string, unknown> {
  return {
    eventId: ids.eventId,
    terminalId: TERMINAL_ID,
    sequence,
    occurredAt: new Date(occurredAtMs).toISOString(),
    ...(isTransactionlessType(type) ? {} : { transactionId: ids.transactionId }),
    type,
    payload: structuredClone(EXAMPLE_PAYLOADS[type]),
  };
}
