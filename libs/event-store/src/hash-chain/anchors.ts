import type { EventStore, RecordedEvent } from '../event-store.port';
import { ANCHOR_RECORDED, ANCHOR_STREAM } from './anchor-fold';

/** The data of an AnchorRecorded event (positions as decimal strings: EventStoreDB's exceed 2^53). */
export interface AnchorData {
  readonly fromPosition: string;
  readonly toPosition: string;
  readonly eventCount: number;
  readonly previousAnchorHash: string;
  readonly hash: string;
}

export interface Anchor {
  /** Where the AnchorRecorded event itself is. */
  readonly revision: bigint;
  readonly position: bigint;
  /** The range covered, both ends inclusive. */
  readonly fromPosition: bigint;
  readonly toPosition: bigint;
  readonly eventCount: number;
  readonly previousAnchorHash: string;
  readonly hash: string;
}

export async function readAnchors(store: EventStore): Promise<Anchor[]> {
  const events = await store.readStream(ANCHOR_STREAM);
  return events.flatMap((event) => {
    const anchor = parseAnchor(event);
    return anchor ? [anchor] : [];
  });
}

/** undefined for any other event, or a malformed one (the stream's chain reports it if it was altered). */
function parseAnchor(event: RecordedEvent): Anchor | undefined {
  if (event.type !== ANCHOR_RECORDED) return undefined;
  const { fromPosition, toPosition, eventCount, previousAnchorHash, hash } = event.data;
  if (!isDecimal(fromPosition) || !isDecimal(toPosition) || typeof eventCount !== 'number') return undefined;
  if (typeof previousAnchorHash !== 'string' || typeof hash !== 'string') return undefined;
  return {
    revision: event.revision,
    position: event.position,
    fromPosition: BigInt(fromPosition),
    toPosition: BigInt(toPosition),
    eventCount,
    previousAnchorHash,
    hash,
  };
}

function isDecimal(value: unknown): value is string {
  return typeof value === 'string' && /^\d+$/.test(value);
}
