import type { LedgerEvent } from '@posledger/domain';
import { toClickHouseDateTime } from '@posledger/read-store';
import type { Recorded } from '../view-row';

export type TerminalSequenceRow = {
  merchant_id: string;
  terminal_id: string;
  kind: 'PARKED' | 'RELEASED' | 'SKIPPED';
  parked_delta: number;
  next_sequence: number;
  waiting_since: string;
  skipped_from: number;
  skipped_to: number;
  skip_reason: string;
  skipped_at: string;
  position: string;
};

const EPOCH = toClickHouseDateTime('1970-01-01T00:00:00.000Z');

type SequenceMove = Omit<TerminalSequenceRow, 'merchant_id' | 'terminal_id' | 'position'>;

function moveOf(event: LedgerEvent): SequenceMove | undefined {
  const none = { skipped_from: 0, skipped_to: 0, skip_reason: '', skipped_at: EPOCH };
  switch (event.type) {
    case 'TerminalEventParked': {
      const data = event.data;
      const waitingSince = data.waitingSince ?? data.receivedAt ?? data.event.occurredAt;
      return { ...none, kind: 'PARKED', parked_delta: 1, next_sequence: data.expectedSequence, waiting_since: toClickHouseDateTime(waitingSince) };
    }
    case 'ParkedEventsReleased':
      return { ...none, kind: 'RELEASED', parked_delta: -event.data.released, next_sequence: event.data.nextSequence, waiting_since: EPOCH };
    case 'SequenceGapSkipped': {
      const data = event.data;
      return {
        kind: 'SKIPPED',
        parked_delta: 0,
        next_sequence: data.to + 1,
        waiting_since: toClickHouseDateTime(data.waitingSince),
        skipped_from: data.from,
        skipped_to: data.to,
        skip_reason: data.reason,
        skipped_at: toClickHouseDateTime(data.skippedAt),
      };
    }
    default:
      return undefined;
  }
}

/** How a terminal's sequence moves: parked events held (+1) and released (-n), gaps skipped (invariant 9). */
export function terminalSequenceRows(event: LedgerEvent, recorded: Recorded): TerminalSequenceRow[] {
  const move = moveOf(event);
  if (!move) return [];
  return [{ merchant_id: event.data.merchantId, terminal_id: event.data.terminalId, position: recorded.position.toString(), ...move }];
}
