import { createHash, type Hash } from 'node:crypto';
import type { RecordedEventHeader } from '../event-store.port';
import { HASH_ENCODING, chainOf } from './event-hash';

export const ANCHOR_STREAM = 'audit-anchors';
export const ANCHOR_RECORDED = 'AnchorRecorded';

/** Anchors cover every stream but their own. */
export function isAnchored(event: Pick<RecordedEventHeader, 'streamId'>): boolean {
  return event.streamId !== ANCHOR_STREAM;
}

/**
 * The hash of one anchor: SHA-256 over the previous anchor's hash, then each covered event's position, stream and
 * chain hash in position order (NUL-separated: stream ids never contain NUL). Binding the chain hashes binds the
 * events' contents; binding positions and streams catches events removed from or moved within the log.
 */
export class AnchorFold {
  private readonly sha: Hash;
  private covered = 0;
  private last: bigint | undefined;

  constructor(
    readonly fromPosition: bigint,
    readonly previousAnchorHash: string,
  ) {
    this.sha = createHash('sha256').update(previousAnchorHash);
  }

  add(event: Pick<RecordedEventHeader, 'position' | 'streamId' | 'metadata'>): void {
    this.sha.update(`\u0000${event.position}\u0000${event.streamId}\u0000${chainOf(event.metadata)?.hash ?? ''}`);
    this.covered++;
    this.last = event.position;
  }

  get eventCount(): number {
    return this.covered;
  }

  /** Position of the last event added; undefined while empty. */
  get toPosition(): bigint | undefined {
    return this.last;
  }

  /** Ends the fold: call once. */
  digest(): string {
    return this.sha.digest(HASH_ENCODING);
  }
}
