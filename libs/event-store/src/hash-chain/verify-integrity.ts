import type { EventStore } from '../event-store.port';
import { AnchorCheck } from './anchor-check';
import { readAnchors } from './anchors';
import type { IntegrityProblem, IntegrityReport } from './integrity-report';
import { StreamChainCheck } from './stream-chain-check';

const PAGE = 1000;

/**
 * Walks the whole log once, checking every stream's chain and every anchor (see stream-chain-check.ts for the
 * rules), and reports the problem at the lowest position. Anchors are read first, so those recorded during the
 * walk are left for the next run. Memory grows with the number of streams, not events.
 */
export async function verifyIntegrity(store: EventStore): Promise<IntegrityReport> {
  let firstProblem: IntegrityProblem | undefined;
  const report = (problem: IntegrityProblem | undefined): void => {
    if (problem && (!firstProblem || isBefore(problem, firstProblem))) firstProblem = problem;
  };
  const anchors = new AnchorCheck(await readAnchors(store), report);
  const streams = new Map<string, StreamChainCheck>();
  let eventsChecked = 0;

  for (let next = 0n; ; ) {
    const page = await store.readAll({ fromPosition: next, maxCount: PAGE });
    if (page.length === 0) break;
    for (const event of page) {
      let stream = streams.get(event.streamId);
      if (!stream) streams.set(event.streamId, (stream = new StreamChainCheck()));
      report(stream.check(event));
      anchors.add(event);
    }
    eventsChecked += page.length;
    next = page[page.length - 1].position + 1n;
  }
  for (const stream of streams.values()) report(stream.finish());
  anchors.finish();

  return { ok: firstProblem === undefined, eventsChecked, streamsChecked: streams.size, anchorsChecked: anchors.checked, firstProblem };
}

/** Lower position first; at the same position (an anchor's own event), the event's own problem says more. */
function isBefore(problem: IntegrityProblem, other: IntegrityProblem): boolean {
  if (problem.position !== other.position) return problem.position < other.position;
  return other.kind === 'ANCHOR_MISMATCH' && problem.kind !== 'ANCHOR_MISMATCH';
}
