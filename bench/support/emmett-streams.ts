// Appends and stream reads as the peers bench drives them, the same on each of Emmett's event stores.
import type { StoreUnderTest } from './store-under-test';

interface EmmettEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

/** The part of Emmett's `EventStore` the bench calls (appendToStream, readStream). */
export interface EmmettStreams {
  appendToStream(streamName: string, events: EmmettEvent[], options: { expectedStreamVersion: bigint }): Promise<{ nextExpectedStreamVersion: bigint }>;
  readStream(streamName: string): Promise<{ events: unknown[] }>;
}

export function emmettStreams(store: EmmettStreams): Pick<StoreUnderTest, 'append' | 'readStream'> {
  return {
    async append(id, events, expected) {
      // Emmett counts stream versions from 1 (0: no stream); our ids go in as its message ids.
      const emmettEvents = events.map(({ id: messageId, type, data, metadata }) => ({ type, data, metadata: { ...metadata, messageId } }));
      return (await store.appendToStream(id, emmettEvents, { expectedStreamVersion: expected ?? 0n })).nextExpectedStreamVersion;
    },
    async readStream(id) {
      return (await store.readStream(id)).events.length;
    },
  };
}
