import { START, type Position, type ReadPosition } from '@eventstore/db-client';

// How our bigint positions map to EventStoreDB's:
// - An ESDB position is a byte offset in its transaction log: monotonic but not dense (and system records sit in
//   between). Every event appended through the gRPC API is an implicitly committed record whose commit and prepare
//   positions are both that record's offset, so our `position` is simply the ESDB commit position.
// - Our `fromPosition` is inclusive and may be any value; ESDB can only start reading at a record boundary. Callers
//   get a fromPosition as 0n, as a checkpoint (a delivered event's position + 1n) or from headPosition() (the last
//   record's position + 1n). In the last two cases p - 1n is a record boundary, so the adapter reads from p - 1n
//   and drops what lies before p. Passing an event's own position is not supported.

/** 2^64 - 1: what EventStoreDB sends when it does not know a position (reads of a single stream on older servers). */
const NO_POSITION = 0xffff_ffff_ffff_ffffn;

/** Stands for "unknown" in RecordedEvent.position and AppendResult.position (EventStoreDB only). */
export const UNKNOWN_POSITION = -1n;

export function toReadPosition(fromPosition: bigint): ReadPosition {
  if (fromPosition <= 0n) return START;
  const boundary = fromPosition - 1n;
  return { commit: boundary, prepare: boundary };
}

export function fromEsdbPosition(position: Position | undefined): bigint {
  return position === undefined || position.commit === NO_POSITION ? UNKNOWN_POSITION : position.commit;
}
