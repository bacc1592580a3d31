// Events a projection could not write even alone: kept aside, visibly, so that one event never stops the views.
import type { RecordedEventData } from '@posledger/event-store';
import type { ReadStore } from '../read-store.port';

const CREATE_QUARANTINED_EVENTS = `CREATE TABLE IF NOT EXISTS quarantined_events (
  position UInt64,
  event_id String,
  stream_id String,
  type LowCardinality(String),
  projections Array(String),
  error String,
  quarantined_at DateTime64(3, 'UTC') DEFAULT now64(3)
) ENGINE = ReplacingMergeTree ORDER BY position`;

export interface QuarantinedEvent {
  readonly position: string;
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly projections: readonly string[];
  readonly error: string;
  readonly quarantinedAt: string;
}

export async function createQuarantineTable(store: ReadStore): Promise<void> {
  await store.command(CREATE_QUARANTINED_EVENTS);
}

export async function quarantine(store: ReadStore, event: RecordedEventData, projections: readonly string[], error: Error): Promise<void> {
  await store.insert('quarantined_events', [{
    position: event.position.toString(),
    event_id: event.id,
    stream_id: event.streamId,
    type: event.type,
    projections,
    error: error.message.slice(0, 2000),
  }]);
}

export async function quarantinedEvents(store: ReadStore): Promise<QuarantinedEvent[]> {
  const rows = await store.select<{ position: string; event_id: string; stream_id: string; type: string; projections: string[]; error: string; quarantined_at: string }>(
    'SELECT toString(position) AS position, event_id, stream_id, toString(type) AS type, projections, error, toString(quarantined_at) AS quarantined_at FROM quarantined_events FINAL ORDER BY position',
  );
  return rows.map((row) => ({
    position: row.position,
    eventId: row.event_id,
    streamId: row.stream_id,
    type: row.type,
    projections: row.projections,
    error: row.error,
    quarantinedAt: row.quarantined_at,
  }));
}
