import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';
import { ExpectedVersionConflictError } from '../expected-version-conflict.error';
import { ANCHOR_RECORDED, ANCHOR_STREAM, AnchorFold, isAnchored } from './anchor-fold';
import { readAnchors, type Anchor, type AnchorData } from './anchors';
import { GENESIS_HASH } from './event-hash';

export interface AnchoringOptions {
  /** Record an anchor once this many events are unanchored... */
  readonly everyEvents?: number;
  /** ...or once this long has passed since the last one with at least one event unanchored. */
  readonly everyMs?: number;
  /** How often to look for new events when the log is idle. */
  readonly pollIntervalMs?: number;
}

export interface Anchoring {
  /** Resolves once no read or append of the anchorer is running. */
  stop(): Promise<void>;
}

interface Progress {
  readonly last: Anchor | undefined;
  readonly fold: AnchorFold;
  /** Next log position to read; may run ahead of the fold over events of the anchor stream. */
  next: bigint;
  readonly since: number;
}

const RETRY_DELAY_MS = 1000;

/**
 * Follows the log and appends AnchorRecorded events to `audit-anchors`, each covering the positions after the
 * previous anchor. Reads the events' headers (an anchor binds their chain hashes, not their data) page by page
 * rather than subscribing: when another anchorer wins the append (expected revision), this one rewinds to that
 * anchor and folds again from there, which a subscription cannot do. Several anchorers on one store are therefore
 * safe, and a restart resumes after the last anchor.
 */
export function startAnchoring(store: EventStore, { everyEvents = 1000, everyMs = 60_000, pollIntervalMs = 200 }: AnchoringOptions = {}): Anchoring {
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (stopped) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeUp = done;
    });

  async function step(progress: Progress): Promise<Progress> {
    const page = await store.readAllHeaders({ fromPosition: progress.next, maxCount: everyEvents - progress.fold.eventCount });
    for (const event of page) {
      if (isAnchored(event)) progress.fold.add(event);
      progress.next = event.position + 1n;
    }
    const { eventCount, toPosition } = progress.fold;
    if (toPosition !== undefined && (eventCount >= everyEvents || Date.now() - progress.since >= everyMs)) return record(progress, toPosition);
    if (page.length === 0) await sleep(pollIntervalMs);
    return progress;
  }

  async function record({ last, fold }: Progress, toPosition: bigint): Promise<Progress> {
    const data: AnchorData = {
      fromPosition: String(fold.fromPosition),
      toPosition: String(toPosition),
      eventCount: fold.eventCount,
      previousAnchorHash: fold.previousAnchorHash,
      hash: fold.digest(),
    };
    try {
      const result = await store.appendToStream(ANCHOR_STREAM, [{ id: randomUUID(), type: ANCHOR_RECORDED, data: { ...data } }], last ? last.revision : 'no_stream');
      return startAfter({ ...data, revision: result.nextExpectedRevision, position: result.position, fromPosition: fold.fromPosition, toPosition });
    } catch (error) {
      if (error instanceof ExpectedVersionConflictError) return resume();
      throw error;
    }
  }

  async function run(): Promise<void> {
    let progress: Progress | undefined;
    while (!stopped) {
      try {
        progress = await step(progress ?? (await resume()));
      } catch (error) {
        console.warn(`anchoring: ${error instanceof Error ? error.message : String(error)}; resuming from the last anchor in ${RETRY_DELAY_MS} ms`);
        progress = undefined;
        await sleep(RETRY_DELAY_MS);
      }
    }
  }

  async function resume(): Promise<Progress> {
    const anchors = await readAnchors(store);
    return startAfter(anchors[anchors.length - 1]);
  }

  const running = run();
  return {
    async stop() {
      stopped = true;
      wakeUp?.();
      await running;
    },
  };
}

function startAfter(last: Anchor | undefined): Progress {
  const from = last ? last.toPosition + 1n : 0n;
  return { last, fold: new AnchorFold(from, last?.hash ?? GENESIS_HASH), next: from, since: Date.now() };
}
