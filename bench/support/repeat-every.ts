export interface Repeating {
  /** Lets the sample in progress finish, then rethrows the first error a sample threw, if any. */
  stop(): Promise<void>;
}

/** Runs `sample` every `intervalMs` (from the start of one to the next; never two at once) until stopped. */
export function repeatEvery(intervalMs: number, sample: () => Promise<void>): Repeating {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const startedAt = Date.now();
      await sample();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + intervalMs - Date.now())));
    }
  })();
  // Awaited in stop(); until then a failed sample must not count as an unhandled rejection.
  loop.catch(() => undefined);
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
