import type { NewEvent } from './event-store.port';

/** Rejects arguments no adapter can store, before any I/O. */
export function assertAppendable(streamId: string, events: readonly NewEvent[]): void {
  // NUL is the separator of LMDB's composite keys; EventStoreDB has no use for it either.
  if (streamId === '' || streamId.includes('\u0000')) throw new RangeError(`invalid stream id ${JSON.stringify(streamId)}`);
  if (events.length === 0) throw new RangeError(`append to ${streamId}: no events`);
}
