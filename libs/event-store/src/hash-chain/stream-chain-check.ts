import type { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, chainOf, eventHash } from './event-hash';
import type { IntegrityProblem, IntegrityProblemKind } from './integrity-report';

interface Linked {
  readonly event: RecordedEvent;
  /** What the next event's prev must be. */
  readonly hash: string;
  /** The prev this event claims (to recognise a second event claiming the same place). */
  readonly prev: string;
}

/**
 * Walks one stream's events in log order. The rules, for an event E after the stream's last event P:
 * - UNCHAINED: E has no `chain` metadata (appended before the chain existed). Its successor links to the genesis hash.
 * - ALTERED: the hash recomputed from E's content (stream, revision, id, type, data, metadata, prev) is not E's
 *   stored hash: E was edited after it was appended.
 * - REMOVED: E's revision skips past P's revision + 1 (or a stream starts above revision 0): the events between
 *   are gone. Renumbering the rest to close the gap changes their hashes (the revision is hashed), so it shows as
 *   ALTERED; removing a stream's last events leaves no gap and is caught by the anchors only.
 * - INSERTED: E does not continue P: its revision repeats or goes back, or it follows P without linking to P's
 *   hash. When E claims exactly P's place (same revision, same prev), one of the two is forged: the event the stream
 *   continues from is kept and the other is named; if nothing follows, the later one (E) is named.
 * After a problem the walk resynchronises on E, so one tampered event is reported once.
 */
export class StreamChainCheck {
  private last: Linked | undefined;
  private rival: Linked | undefined;

  check(event: RecordedEvent): IntegrityProblem | undefined {
    const chain = chainOf(event.metadata);
    if (!chain) {
      this.last = { event, hash: GENESIS_HASH, prev: GENESIS_HASH };
      this.rival = undefined;
      return problem('UNCHAINED', event, 'no chain metadata: appended before the hash chain existed');
    }
    const current: Linked = { event, hash: chain.hash, prev: chain.prev };
    if (eventHash(event, chain.prev) !== chain.hash) return this.resync(current, problem('ALTERED', event, 'its content does not match its stored hash'));

    const previous = this.last;
    const rival = this.rival;
    this.rival = undefined;
    const expectedRevision = previous ? previous.event.revision + 1n : 0n;
    if (event.revision === expectedRevision && chain.prev === (previous?.hash ?? GENESIS_HASH)) {
      this.last = current;
      return rival && problem('INSERTED', rival.event, `revision ${rival.event.revision} is claimed twice; the stream continues from the event at position ${previous?.event.position}`);
    }
    if (rival && event.revision === expectedRevision && chain.prev === rival.hash) {
      this.last = current;
      return previous && problem('INSERTED', previous.event, `revision ${previous.event.revision} is claimed twice; the stream continues from the event at position ${rival.event.position}`);
    }
    if (event.revision > expectedRevision) {
      const missing = expectedRevision === event.revision - 1n ? `${expectedRevision}` : `${expectedRevision}..${event.revision - 1n}`;
      return this.resync(current, problem('REMOVED', event, `revision ${missing} missing before this event`));
    }
    if (previous && event.revision === previous.event.revision && chain.prev === previous.prev) {
      this.rival = current;
      return undefined;
    }
    return this.resync(
      current,
      problem('INSERTED', event, event.revision < expectedRevision ? `revision ${event.revision} already taken` : `does not link to revision ${previous?.event.revision} (inserted, or that event re-hashed after an edit)`),
    );
  }

  /** A rival still unresolved at the end of the log: the later of the two claims is named. */
  finish(): IntegrityProblem | undefined {
    return this.rival && problem('INSERTED', this.rival.event, `revision ${this.rival.event.revision} is claimed twice; this is the later claim`);
  }

  private resync(current: Linked, found: IntegrityProblem): IntegrityProblem {
    this.last = current;
    return found;
  }
}

function problem(kind: IntegrityProblemKind, event: RecordedEvent, detail: string): IntegrityProblem {
  return { kind, streamId: event.streamId, revision: event.revision, position: event.position, detail };
}
