import type { ParkedEventsReleased, SequenceGapSkipped, TerminalEventParked } from '@posledger/domain';
import type { RecordedEvent } from '@posledger/event-store';
import { toClickHouseDateTime } from '@posledger/read-store';

type Row = Record<string, unknown>;

const EPOCH = toClickHouseDateTime('1970-01-01T00:00:00.000Z');

/** How a terminal's sequence moves: parked events held (+1) and released (-n), gaps skipped (invariant 9). */
export function terminalSequenceRows(recorded: RecordedEvent, merchantId: string, terminalId: string): Row[] {
  const base = { merchant_id: merchantId, terminal_id: terminalId, position: recorded.position.toString() };
  const none = { skipped_from: 0, skipped_to: 0, skip_reason: '', skipped_at: EPOCH };
  switch (recorded.type) {
    case 'TerminalEventParked': {
      const data = recorded.data as unknown as TerminalEventParked['data'];
      const waitingSince = data.waitingSince ?? data.receivedAt ?? data.event.occurredAt;
      return [{ ...base, ...none, kind: 'PARKED', parked_delta: 1, next_sequence: data.expectedSequence, waiting_since: toClickHouseDateTime(waitingSince) }];
    }
    case 'ParkedEventsReleased': {
      const data = recorded.data as unknown as ParkedEventsReleased['data'];
      return [{ ...base, ...none, kind: 'RELEASED', parked_delta: -data.released, next_sequence: data.nextSequence, waiting_since: EPOCH }];
    }
    case 'SequenceGapSkipped': {
      const data = recorded.data as unknown as SequenceGapSkipped['data'];
      return [{
        ...base,
        kind: 'SKIPPED',
        parked_delta: 0,
        next_sequence: data.to + 1,
        waiting_since: toClickHouseDateTime(data.waitingSince),
        skipped_from: data.from,
        skipped_to: data.to,
        skip_reason: data.reason,
        skipped_at: toClickHouseDateTime(data.skippedAt),
      }];
    }
    default:
      return [];
  }
}
