import fc from 'fast-check';
import type { RecordedEvent } from '../event-store.port';
import { startCatchUpSubscription, type CatchUpSource } from './catch-up-subscription';

const options = { fromPosition: 0n, maxBatchSize: 3, pollIntervalMs: 5, retryDelayMs: 1, maxRetryDelayMs: 2 };

const recorded = (position: number): RecordedEvent => ({
  id: `e${position}`,
  streamId: 's',
  revision: BigInt(position),
  position: BigInt(position),
  type: 'happened',
  data: {},
  metadata: {},
  recordedAt: '2026-12-05T00:00:00.000Z',
});

/** A log in memory: reads answer from what was appended so far; `reads` records each read's start position. */
function memorySource(initial: number, failRead: (call: number) => boolean = () => false): CatchUpSource & { reads: bigint[]; append(count: number): void } {
  const log = Array.from({ length: initial }, (_, i) => recorded(i));
  const listeners = new Set<() => void>();
  const reads: bigint[] = [];
  return {
    reads,
    async readAll(fromPosition, maxCount) {
      reads.push(fromPosition);
      if (failRead(reads.length)) throw new Error('store out of reach');
      return log.filter((event) => event.position >= fromPosition).slice(0, maxCount);
    },
    onAppend(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    append(count) {
      for (let i = 0; i < count; i++) log.push(recorded(log.length));
      listeners.forEach((listener) => listener());
    },
  };
}

const until = async (condition: () => boolean): Promise<void> => {
  for (let waited = 0; !condition(); waited += 2) {
    if (waited > 5_000) throw new Error('condition not reached in 5 s');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('catch-up subscription', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => (warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)));
  afterEach(() => warn.mockRestore());

  it('reads the page after a full batch while the handler works on it, and not after a live (partial) batch', async () => {
    const source = memorySource(4);
    const readsDuringHandler: bigint[][] = [];
    const subscription = startCatchUpSubscription(source, options, async () => {
      const before = source.reads.length;
      await new Promise((resolve) => setTimeout(resolve, 20));
      readsDuringHandler.push(source.reads.slice(before));
    });
    try {
      await until(() => readsDuringHandler.length === 2);
      // The full batch 0..2: page 3.. read during its handler. The partial batch 3: nothing read until it returns.
      expect(readsDuringHandler).toEqual([[3n], []]);
    } finally {
      await subscription.close();
    }
  });

  it('delivers every event exactly once and in order, whatever the handler and the reads fail', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        async (initial, live, maxBatchSize, handlerFails, readFails) => {
          const source = memorySource(initial, (call) => readFails[call - 1] ?? false);
          const accepted: bigint[] = [];
          let calls = 0;
          let running = 0;
          let mostAtOnce = 0;
          const subscription = startCatchUpSubscription(source, { ...options, maxBatchSize }, async (events) => {
            mostAtOnce = Math.max(mostAtOnce, ++running);
            try {
              await new Promise((resolve) => setImmediate(resolve));
              if (handlerFails[calls++]) throw new Error('view store unavailable');
              accepted.push(...events.map((event) => event.position));
            } finally {
              running--;
            }
          });
          try {
            source.append(live);
            await until(() => accepted.length >= initial + live);
            await new Promise((resolve) => setTimeout(resolve, 10));
            expect(accepted).toEqual(Array.from({ length: initial + live }, (_, i) => BigInt(i)));
            expect(mostAtOnce).toBeLessThanOrEqual(1);
          } finally {
            await subscription.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('prepares each batch once, the page read ahead while the handler works on the batch before, and hands it over at every delivery', async () => {
    const source = memorySource(7);
    const prepares: { positions: bigint[]; duringHandler: boolean }[] = [];
    const delivered: { positions: bigint[]; prepared: string | undefined }[] = [];
    let running = false;
    const prepare = (events: readonly RecordedEvent[]): string => {
      prepares.push({ positions: events.map((event) => event.position), duringHandler: running });
      return `prepared from ${events[0].position}`;
    };
    const subscription = startCatchUpSubscription(source, { ...options, prepare }, async (events, prepared) => {
      running = true;
      try {
        delivered.push({ positions: events.map((event) => event.position), prepared });
        await new Promise((resolve) => setTimeout(resolve, 10));
        // The second batch fails once: delivered again, with what was prepared of it.
        if (events[0].position === 3n && delivered.length === 2) throw new Error('view store unavailable');
      } finally {
        running = false;
      }
    });
    try {
      await until(() => delivered.length === 4);
      expect(prepares).toEqual([
        { positions: [0n, 1n, 2n], duringHandler: false },
        { positions: [3n, 4n, 5n], duringHandler: true },
        { positions: [6n], duringHandler: true },
      ]);
      expect(delivered).toEqual([
        { positions: [0n, 1n, 2n], prepared: 'prepared from 0' },
        { positions: [3n, 4n, 5n], prepared: 'prepared from 3' },
        { positions: [3n, 4n, 5n], prepared: 'prepared from 3' },
        { positions: [6n], prepared: 'prepared from 6' },
      ]);
    } finally {
      await subscription.close();
    }
  });

  it('delivers a batch whose prepare threw, unprepared, and every batch after it', async () => {
    const source = memorySource(7);
    const delivered: { first: bigint; prepared: bigint | undefined }[] = [];
    const prepare = (events: readonly RecordedEvent[]): bigint => {
      if (events[0].position === 3n) throw new Error('a projection bug');
      return events[0].position;
    };
    const subscription = startCatchUpSubscription(source, { ...options, prepare }, async (events, prepared) => {
      delivered.push({ first: events[0].position, prepared });
    });
    try {
      await until(() => delivered.length === 3);
      expect(delivered).toEqual([
        { first: 0n, prepared: 0n },
        { first: 3n, prepared: undefined },
        { first: 6n, prepared: 6n },
      ]);
    } finally {
      await subscription.close();
    }
  });

  it('closes during a read ahead without reading again or leaving its failure unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const source = memorySource(6, (call) => call === 2);
    let closing: Promise<void> | undefined;
    const subscription = startCatchUpSubscription(source, options, async () => {
      // Long enough for the read ahead (the second read, which fails) to start before the close.
      await new Promise((resolve) => setTimeout(resolve, 5));
      closing ??= subscription.close();
    });
    try {
      await closing;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(source.reads).toEqual([0n, 3n]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
