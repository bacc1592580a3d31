// When did the views reach which position? Every few milliseconds the watch reads the head and waits, alongside the
// waits already running, for every projection to pass it, recording (head, time): everything before head was visible
// in the read store at that time. Waits overlap so that an event appended just after one head was read is seen by
// the next wait, a few milliseconds later, not by one that starts only when the earlier wait ends.

interface CaughtUpMark {
  readonly head: bigint;
  readonly at: number;
}

export interface ProjectionWatch {
  /** The first time everything before `position + 1` was projected; undefined if never seen. */
  visibleAt(position: bigint): number | undefined;
  /** visibleAt once the watch has seen it, waiting up to timeoutMs for its next round. */
  whenVisible(position: bigint, timeoutMs: number): Promise<number>;
  stop(): Promise<void>;
}

const IDLE_MS = 5;

export function watchProjections(headPosition: () => Promise<bigint>, projectionsCaughtUp: () => Promise<void>): ProjectionWatch {
  const marks: CaughtUpMark[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const head = await headPosition();
      projectionsCaughtUp().then(
        () => marks.push({ head, at: Date.now() }),
        // A failed projection batch is retried by the runner; the waits started after it see the retry.
        () => undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    }
  })();
  const visibleAt = (position: bigint): number | undefined => {
    const seen = marks.filter((mark) => mark.head > position).map((mark) => mark.at);
    return seen.length === 0 ? undefined : Math.min(...seen);
  };
  return {
    visibleAt,
    async whenVisible(position, timeoutMs) {
      for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, IDLE_MS))) {
        const at = visibleAt(position);
        if (at !== undefined) return at;
      }
      throw new Error(`the projection watch did not see position ${position} projected within ${timeoutMs} ms`);
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
