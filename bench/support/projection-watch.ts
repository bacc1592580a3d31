// When did the views reach which position? A loop of "read the head, wait for every projection to pass it",
// recorded as (head, time): everything before head was visible in the read store at that time.

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
      try {
        await projectionsCaughtUp();
        marks.push({ head, at: Date.now() });
      } catch {
        // A failed projection batch is retried by the runner; the next round waits again.
      }
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    }
  })();
  const visibleAt = (position: bigint): number | undefined => marks.find((mark) => mark.head > position)?.at;
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
