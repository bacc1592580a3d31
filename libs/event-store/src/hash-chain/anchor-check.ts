import type { RecordedEvent } from '../event-store.port';
import { ANCHOR_STREAM, AnchorFold, isAnchored } from './anchor-fold';
import type { Anchor } from './anchors';
import { GENESIS_HASH } from './event-hash';
import type { IntegrityProblem } from './integrity-report';

/**
 * Recomputes the anchors (read beforehand) while the log is walked in position order. An anchor's problem is
 * placed at the AnchorRecorded event itself: it is found only once the whole range was walked.
 */
export class AnchorCheck {
  private next = 0;
  private fold: AnchorFold | undefined;

  constructor(
    private readonly anchors: readonly Anchor[],
    private readonly report: (problem: IntegrityProblem) => void,
  ) {
    this.fold = this.open(0);
  }

  get checked(): number {
    return this.next;
  }

  add(event: RecordedEvent): void {
    if (!isAnchored(event)) return;
    while (this.fold && event.position > this.anchors[this.next].toPosition) this.close();
    this.fold?.add(event);
  }

  /** Closes the anchors whose ranges reach past the last event (their events were removed). */
  finish(): void {
    while (this.fold) this.close();
  }

  private close(): void {
    const anchor = this.anchors[this.next];
    const fold = this.fold as AnchorFold;
    const hash = fold.digest();
    if (fold.eventCount !== anchor.eventCount || hash !== anchor.hash) {
      this.mismatch(anchor, `covers ${anchor.eventCount} events over positions ${anchor.fromPosition}..${anchor.toPosition}; the log now gives ${fold.eventCount} events and another hash`);
    }
    this.fold = this.open(++this.next);
  }

  private open(index: number): AnchorFold | undefined {
    const anchor = this.anchors[index];
    if (!anchor) return undefined;
    const previous = this.anchors[index - 1];
    const from = previous ? previous.toPosition + 1n : 0n;
    const previousHash = previous?.hash ?? GENESIS_HASH;
    if (anchor.fromPosition !== from || anchor.previousAnchorHash !== previousHash) {
      this.mismatch(anchor, `does not follow the previous anchor (expected fromPosition ${from} and its hash)`);
    }
    return new AnchorFold(anchor.fromPosition, anchor.previousAnchorHash);
  }

  private mismatch(anchor: Anchor, detail: string): void {
    this.report({ kind: 'ANCHOR_MISMATCH', streamId: ANCHOR_STREAM, revision: anchor.revision, position: anchor.position, detail: `anchor ${detail}` });
  }
}
