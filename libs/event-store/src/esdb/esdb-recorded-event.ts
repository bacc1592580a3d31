import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import type { JsonObject, RecordedEvent } from '../event-store.port';
import { isJsonObject } from '../json-object';
import { fromEsdbPosition } from './esdb-positions';

/** System events ($-prefixed type or stream) are EventStoreDB's own bookkeeping, never ours. */
export function isSystemEvent(event: EsdbRecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    position: fromEsdbPosition(event.position),
    type: event.type,
    data: asJsonObject(event.data),
    metadata: event.metadata === undefined ? {} : asJsonObject(event.metadata),
    recordedAt: event.created.toISOString(),
  };
}

/** Events written by other clients may carry binary or non-object payloads: wrapped, never dropped. */
function asJsonObject(value: unknown): JsonObject {
  if (isJsonObject(value)) return value;
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  return { value };
}
