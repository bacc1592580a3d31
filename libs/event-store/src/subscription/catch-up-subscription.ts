import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from '../event-store.port';

/** What the subscription reads of an event: a whole one, or the part of it a reader asked for. */
type Positioned = Pick<RecordedEvent, 'position'>;

/** What a catch-up subscription needs from an adapter. */
export interface CatchUpSource<E extends Positioned = RecordedEvent> {
  /** Up to maxCount events from fromPosition (inclusive), in position order. */
  readAll(fromPosition: bigint, maxCount: number): Promise<E[]>;
  /** Calls the listener whenever new events may be readable; returns the unregister function. */
  onAppend(listener: () => void): () => void;
}

export interface CatchUpOptions {
  readonly fromPosition: bigint;
  readonly maxBatchSize: number;
  /** Read again after this long even without a wake-up (appends by other processes wake no one). */
  readonly pollIntervalMs: number;
  /** First back-off after a failed handler call or read; doubles per attempt up to maxRetryDelayMs. */
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
}

export const defaultCatchUpOptions = { maxBatchSize: 1000, pollIntervalMs: 100, retryDelayMs: 100, maxRetryDelayMs: 5000 };

/** A batch as read, with what `prepare` made of it (undefined without one, or when it threw). */
interface ReadBatch<P, E> {
  readonly events: E[];
  readonly prepared: P | undefined;
}

/**
 * Reads from the source in batches and hands each batch to the handler, one call at a time. A rejected batch is
 * delivered again after a back-off, never skipped. While catching up, the next batch is read, and prepared, during
 * the handler's call. close() resolves once no handler call is running.
 */
export function startCatchUpSubscription<P = undefined, E extends Positioned = RecordedEvent>(
  source: CatchUpSource<E>,
  options: CatchUpOptions & Pick<SubscribeOptions<P, E>, 'prepare'>,
  handler: SubscriptionHandler<P, E>,
): Subscription {
  let closed = false;
  let appendedSinceRead = false;
  let wakeUp: (() => void) | undefined;
  const unregister = source.onAppend(() => {
    appendedSinceRead = true;
    wakeUp?.();
  });

  const sleep = (ms: number, wakeable: boolean): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      // close() must interrupt any sleep; only idle waits are cut short by appends.
      wakeUp = wakeable
        ? done
        : () => {
            if (closed) done();
          };
    });

  const backOff = (attempt: number): number => Math.min(options.retryDelayMs * 2 ** (attempt - 1), options.maxRetryDelayMs);

  async function deliver({ events: batch, prepared }: ReadBatch<P, E>): Promise<void> {
    for (let attempt = 1; !closed; attempt++) {
      try {
        await handler(batch, prepared);
        return;
      } catch (error) {
        const delay = backOff(attempt);
        console.warn(
          `event-store subscription: handler failed on positions ${batch[0].position}..${batch[batch.length - 1].position} ` +
            `(attempt ${attempt}), retrying the same batch in ${delay} ms: ${messageOf(error)}`,
        );
        await sleep(delay, false);
      }
    }
  }

  const read = (from: bigint): Promise<E[]> => {
    appendedSinceRead = false;
    return source.readAll(from, options.maxBatchSize);
  };

  /** A prepare that throws leaves the batch unprepared: the handler does that work itself and meets the error there. */
  const withPrepared = (events: E[]): ReadBatch<P, E> => {
    if (!options.prepare || events.length === 0) return { events, prepared: undefined };
    try {
      return { events, prepared: options.prepare(events) };
    } catch {
      return { events, prepared: undefined };
    }
  };

  /**
   * The page after a full batch, read and prepared while the handler works on that batch. It starts on the next turn
   * of the event loop, once the handler waits on its own I/O: an adapter may read synchronously (LMDB), and reading
   * first would only delay the handler.
   */
  const readAhead = (from: bigint): Promise<ReadBatch<P, E>> => {
    const page = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => (closed ? withPrepared([]) : withPrepared(await read(from))));
    // Awaited by the next turn of the loop; if the subscription closes first, its failure must not go unhandled.
    page.catch(() => undefined);
    return page;
  };

  async function run(): Promise<void> {
    let next = options.fromPosition;
    let failedReads = 0;
    let ahead: Promise<ReadBatch<P, E>> | undefined;
    while (!closed) {
      let batch: ReadBatch<P, E>;
      try {
        batch = await (ahead ?? read(next).then(withPrepared));
        failedReads = 0;
      } catch (error) {
        failedReads++;
        console.warn(`event-store subscription: read from position ${next} failed, retrying: ${messageOf(error)}`);
        await sleep(backOff(failedReads), false);
        continue;
      } finally {
        ahead = undefined;
      }
      if (closed) return;
      const { events } = batch;
      if (events.length === 0) {
        if (!appendedSinceRead) await sleep(options.pollIntervalMs, true);
        continue;
      }
      const after = events[events.length - 1].position + 1n;
      // A full batch means more may be waiting: catching up. A live batch is followed by a read after it.
      if (events.length >= options.maxBatchSize) ahead = readAhead(after);
      await deliver(batch);
      next = after;
    }
  }

  const running = run();
  return {
    async close() {
      closed = true;
      unregister();
      wakeUp?.();
      await running;
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
