import type { LedgerEvent } from '@posledger/domain';
import type { RecordedEvent } from '@posledger/event-store';

/** The ledger event a recorded terminal-stream event holds, or undefined for other streams. */
export function ledgerEventOf(recorded: RecordedEvent): LedgerEvent | undefined {
  if (!recorded.streamId.startsWith('terminal-')) return undefined;
  return { type: recorded.type, data: recorded.data } as LedgerEvent;
}

export function metadataString(recorded: RecordedEvent, key: string): string {
  const value = recorded.metadata[key];
  return typeof value === 'string' ? value : '';
}
