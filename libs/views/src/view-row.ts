import {
  isBillEvent, isBillStream, isLedgerEvent, isPayoutEvent, isPayoutStream, isRegistryEvent, isStatementEvent, isStatementStream, isTerminalStream, REGISTRY_STREAM,
  type BillEvent, type LedgerEvent, type PayoutEvent, type RegistryEvent, type StatementEvent,
} from '@posledger/domain';
import type { RecordedEventData } from '@posledger/event-store';

/** Where and when the store recorded an event: what a row keeps beside the event's own data. */
export type Recorded = Pick<RecordedEventData, 'id' | 'position' | 'recordedAt' | 'dataJson'>;

/** A row of a view's table; every one carries the `position` of the event it came from. */
export type ViewRow = Readonly<Record<string, unknown>>;

/** The ledger event a recorded event of a terminal stream holds; undefined for any other stream. */
export function ledgerEventOf(recorded: RecordedEventData): LedgerEvent | undefined {
  const event = { type: recorded.type, data: recorded.data };
  return isTerminalStream(recorded.streamId) && isLedgerEvent(event) ? event : undefined;
}

/** The registry event a recorded event of the registry stream holds; undefined for any other stream. */
export function registryEventOf(recorded: RecordedEventData): RegistryEvent | undefined {
  const event = { type: recorded.type, data: recorded.data };
  return recorded.streamId === REGISTRY_STREAM && isRegistryEvent(event) ? event : undefined;
}

/** The payout event a recorded event of a merchant's payout stream holds; undefined for any other stream. */
export function payoutEventOf(recorded: RecordedEventData): PayoutEvent | undefined {
  const event = { type: recorded.type, data: recorded.data };
  return isPayoutStream(recorded.streamId) && isPayoutEvent(event) ? event : undefined;
}

/** The statement event a recorded event of a merchant's statement stream holds; undefined for any other stream. */
export function statementEventOf(recorded: RecordedEventData): StatementEvent | undefined {
  const event = { type: recorded.type, data: recorded.data };
  return isStatementStream(recorded.streamId) && isStatementEvent(event) ? event : undefined;
}

/** The bill event a recorded event of a merchant's bills stream holds; undefined for any other stream. */
export function billEventOf(recorded: RecordedEventData): BillEvent | undefined {
  const event = { type: recorded.type, data: recorded.data };
  return isBillStream(recorded.streamId) && isBillEvent(event) ? event : undefined;
}

/** When what the ledger event records happened at the counter (a batch: when it closed). */
export function occurredAtOf(event: LedgerEvent): string | undefined {
  const data = event.data;
  if ('occurredAt' in data) return data.occurredAt;
  if ('closedAt' in data) return data.closedAt;
  if ('event' in data) return data.event.occurredAt;
  return undefined;
}
