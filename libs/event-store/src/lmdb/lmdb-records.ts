import type { JsonObject, NewEvent, RecordedEvent, RecordedEventData, RecordedEventHeader } from '../event-store.port';
import { isJsonObject } from '../json-object';

/**
 * One entry of the global log. Data and metadata are kept as JSON text, so they read back exactly as JSON
 * carries them (the same as EventStoreDB), whatever the value encoder would do with them.
 */
export type StoredEvent = readonly [
  id: string,
  streamId: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

/** A new event serialised before the write transaction starts, to keep the write lock short. */
export interface EncodedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

export function encodeNewEvent(event: NewEvent): EncodedEvent {
  return { id: event.id, type: event.type, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata ?? {}) };
}

export function toStoredEvent(event: EncodedEvent, streamId: string, revision: number, recordedAt: string): StoredEvent {
  return [event.id, streamId, revision, event.type, event.data, event.metadata, recordedAt];
}

export function decodeStoredEvent(position: number, stored: StoredEvent): RecordedEvent {
  const [id, streamId, revision, type, data, metadata, recordedAt] = stored;
  return {
    id,
    streamId,
    revision: BigInt(revision),
    position: BigInt(position),
    type,
    data: parseObject(data),
    dataJson: data,
    metadata: parseObject(metadata),
    recordedAt,
  };
}

export function decodeStoredData(position: number, stored: StoredEvent): RecordedEventData {
  const [id, streamId, revision, type, data, , recordedAt] = stored;
  return { id, streamId, revision: BigInt(revision), position: BigInt(position), type, data: parseObject(data), dataJson: data, recordedAt };
}

export function decodeStoredHeader(position: number, stored: StoredEvent): RecordedEventHeader {
  const [id, streamId, revision, type, , metadata, recordedAt] = stored;
  return { id, streamId, revision: BigInt(revision), position: BigInt(position), type, metadata: parseObject(metadata), recordedAt };
}

function parseObject(json: string): JsonObject {
  const value: unknown = JSON.parse(json);
  if (!isJsonObject(value)) throw new Error(`stored event payload is not a JSON object: ${json.slice(0, 80)}`);
  return value;
}
