import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { eventually, type EventuallyOptions } from '@posledger/testing';
import type { AppendResult, EventStore, ExpectedRevision, JsonObject, NewEvent, ReadAllOptions, RecordedEvent, RecordedEventData, RecordedEventHeader } from '../event-store.port';
import { ExpectedVersionConflictError } from '../expected-version-conflict.error';

export interface EventStoreFixture {
  readonly store: EventStore;
  cleanup(): Promise<void>;
}

export interface EventStoreContractOptions {
  /** The caller's part of read metadata, for a decorator that adds keys of its own (withHashChain adds `chain`). */
  readonly callerMetadata?: (metadata: JsonObject) => JsonObject;
}

const SUBSCRIPTION_TIMEOUT_MS = 30_000;
/** Well inside SUBSCRIPTION_TIMEOUT_MS, so a subscription that falls short fails saying what it waited for. */
const delivery = (what: string): EventuallyOptions => ({ timeoutMs: 20_000, intervalMs: 10, what });

/**
 * The behaviour every EventStore adapter must show. Positions are only assumed to be strictly increasing, never
 * dense; a fromPosition is always 0n, a delivered position + 1n or headPosition(). Stream names are unique per
 * test, so the suite also runs against a shared server that holds other data.
 */
export function eventStoreContract(
  name: string,
  factory: () => Promise<EventStoreFixture>,
  { callerMetadata = (metadata) => metadata }: EventStoreContractOptions = {},
): void {
  describe(`${name}: event store contract`, () => {
    let fixture: EventStoreFixture;
    let store: EventStore;
    let prefix: string;
    let startPosition: bigint;

    beforeEach(async () => {
      fixture = await factory();
      store = fixture.store;
      prefix = `contract-${randomUUID()}`;
      startPosition = await store.headPosition();
    });
    afterEach(() => fixture.cleanup());

    const stream = (suffix: string): string => `${prefix}-${suffix}`;
    const ours = <E extends { readonly streamId: string }>(events: readonly E[]): E[] => events.filter((event) => event.streamId.startsWith(prefix));
    const readOurs = async (fromPosition = startPosition): Promise<RecordedEvent[]> => {
      const found: RecordedEvent[] = [];
      for (let next = fromPosition; ; ) {
        const page = await store.readAll({ fromPosition: next, maxCount: 100 });
        if (page.length === 0) return ours(found);
        found.push(...page);
        next = page[page.length - 1].position + 1n;
      }
    };
    /** An event's fields but its data, or but its metadata: what readAllHeaders, or readAllData, gives of it. */
    const headerOf = ({ id, streamId, revision, position, type, metadata, recordedAt }: RecordedEventHeader) => ({ id, streamId, revision, position, type, metadata, recordedAt });
    const dataOf = ({ id, streamId, revision, position, type, data, recordedAt }: RecordedEventData) => ({ id, streamId, revision, position, type, data, recordedAt });
    const conflictOf = async (append: Promise<AppendResult>): Promise<ExpectedVersionConflictError> => {
      const error = await append.then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      if (!(error instanceof ExpectedVersionConflictError)) throw new Error(`expected an ExpectedVersionConflictError, got ${String(error)}`);
      return error;
    };

    describe('streams', () => {
      it('appends events and reads them back in revision order', async () => {
        const events = [newEvent('a'), newEvent('b'), newEvent('c')];
        const before = Date.now();
        const result = await store.appendToStream(stream('s'), events, 'no_stream');

        const read = await store.readStream(stream('s'));
        expect(result.nextExpectedRevision).toBe(2n);
        expect(read.map(({ id, streamId, revision, type, data, metadata }) => ({ id, streamId, revision, type, data, metadata: callerMetadata(metadata) }))).toEqual(
          events.map((event, i) => ({ ...event, streamId: stream('s'), revision: BigInt(i), metadata: event.metadata ?? {} })),
        );
        for (const { recordedAt } of read) {
          expect(new Date(recordedAt).toISOString()).toBe(recordedAt);
          expect(Date.parse(recordedAt)).toBeGreaterThanOrEqual(before - 1000);
          expect(Date.parse(recordedAt)).toBeLessThanOrEqual(Date.now() + 1000);
        }
      });

      it('reads a stream from a revision', async () => {
        await store.appendToStream(stream('s'), [newEvent('a'), newEvent('b'), newEvent('c')], 'no_stream');
        expect((await store.readStream(stream('s'), 1n)).map((event) => event.revision)).toEqual([1n, 2n]);
        expect(await store.readStream(stream('s'), 3n)).toEqual([]);
      });

      it('reads at most maxCount events of a stream from a revision, page by page', async () => {
        await store.appendToStream(stream('s'), [newEvent('a'), newEvent('b'), newEvent('c'), newEvent('d'), newEvent('e')], 'no_stream');
        const revisions = async (from: bigint, maxCount: number) => (await store.readStream(stream('s'), from, maxCount)).map((event) => event.revision);
        expect(await revisions(0n, 2)).toEqual([0n, 1n]);
        expect(await revisions(2n, 2)).toEqual([2n, 3n]);
        expect(await revisions(4n, 2)).toEqual([4n]);
        expect(await revisions(5n, 2)).toEqual([]);
        expect(await store.readStream(stream('missing'), 0n, 2)).toEqual([]);
      });

      it('returns no events for a missing stream, and streamExists tells the two apart', async () => {
        expect(await store.readStream(stream('missing'))).toEqual([]);
        expect(await store.streamExists(stream('missing'))).toBe(false);
        await store.appendToStream(stream('s'), [newEvent('a')], 'no_stream');
        expect(await store.streamExists(stream('s'))).toBe(true);
      });

      it('rejects an empty append and an unusable stream id before touching the store', async () => {
        await expect(store.appendToStream(stream('s'), [], 'any')).rejects.toThrow(RangeError);
        await expect(store.appendToStream('', [newEvent('a')], 'any')).rejects.toThrow(RangeError);
        await expect(store.appendToStream(`${prefix}\u0000x`, [newEvent('a')], 'any')).rejects.toThrow(RangeError);
        expect(await store.streamExists(stream('s'))).toBe(false);
      });
    });

    describe('expected revision', () => {
      it('no_stream creates the stream and conflicts once it exists', async () => {
        await store.appendToStream(stream('s'), [newEvent('a'), newEvent('b')], 'no_stream');
        const conflict = await conflictOf(store.appendToStream(stream('s'), [newEvent('c')], 'no_stream'));
        expect(conflict).toMatchObject({ code: 'EVENT_STORE.EXPECTED_VERSION_CONFLICT', streamId: stream('s'), expected: 'no_stream', actual: '1' });
      });

      it('a revision appends at the stream’s last revision and conflicts on any other', async () => {
        await store.appendToStream(stream('s'), [newEvent('a'), newEvent('b'), newEvent('c')], 'no_stream');
        expect((await store.appendToStream(stream('s'), [newEvent('d')], 2n)).nextExpectedRevision).toBe(3n);
        expect(await conflictOf(store.appendToStream(stream('s'), [newEvent('e')], 2n))).toMatchObject({ expected: '2', actual: '3' });
        expect(await conflictOf(store.appendToStream(stream('s'), [newEvent('e')], 9n))).toMatchObject({ expected: '9', actual: '3' });
        expect(await conflictOf(store.appendToStream(stream('missing'), [newEvent('e')], 0n))).toMatchObject({ actual: 'no_stream' });
      });

      it('any appends whatever the stream holds', async () => {
        expect((await store.appendToStream(stream('s'), [newEvent('a')], 'any')).nextExpectedRevision).toBe(0n);
        expect((await store.appendToStream(stream('s'), [newEvent('b'), newEvent('c')], 'any')).nextExpectedRevision).toBe(2n);
      });

      it('a conflict changes nothing', async () => {
        await store.appendToStream(stream('s'), [newEvent('a')], 'no_stream');
        const logBefore = await readOurs();
        const rejected = [newEvent('x'), newEvent('y')];

        await conflictOf(store.appendToStream(stream('s'), rejected, 5n));

        expect(await readOurs()).toEqual(logBefore);
        expect((await store.readStream(stream('s'))).map((event) => event.id)).toEqual([logBefore[0].id]);
        // The rejected ids left no trace: appending them now is a plain append, not a retry.
        expect((await store.appendToStream(stream('s'), rejected, 0n)).nextExpectedRevision).toBe(2n);
        expect((await store.readStream(stream('s'))).map((event) => event.id)).toEqual([logBefore[0].id, ...rejected.map((event) => event.id)]);
      });
    });

    describe('idempotent retries', () => {
      it.each<[string, number, ExpectedRevision]>([
        ['no_stream', 0, 'no_stream'],
        ['a revision', 1, 0n],
        ['any', 1, 'any'],
      ])('an append retried with %s returns the original result and stores nothing twice', async (_, eventsBefore, expected) => {
        if (eventsBefore > 0) await store.appendToStream(stream('s'), [newEvent('before')], 'no_stream');
        const retried = [newEvent('a'), newEvent('b')];
        const original = await store.appendToStream(stream('s'), retried, expected);
        await store.appendToStream(stream('s'), [newEvent('after')], original.nextExpectedRevision);
        const stored = await store.readStream(stream('s'));

        const again = await store.appendToStream(stream('s'), retried, expected);

        expect(again).toEqual(original);
        expect(await store.readStream(stream('s'))).toEqual(stored);
      });

      it('a retry whose ids differ from the stored events conflicts', async () => {
        const [a, b] = [newEvent('a'), newEvent('b')];
        await store.appendToStream(stream('s'), [a, b], 'no_stream');
        await conflictOf(store.appendToStream(stream('s'), [a, newEvent('c')], 'no_stream'));
        await conflictOf(store.appendToStream(stream('s'), [b], 'no_stream'));
        await conflictOf(store.appendToStream(stream('s'), [a, b, newEvent('c')], 'no_stream'));
        expect((await store.readStream(stream('s'))).map((event) => event.id)).toEqual([a.id, b.id]);
      });
    });

    describe('global log', () => {
      it('readAll returns the events of all streams in commit order, each append ending at its reported position', async () => {
        const appended: NewEvent[] = [];
        const results: AppendResult[] = [];
        for (const suffix of ['x', 'y', 'x', 'z', 'y']) {
          const events = [newEvent('a'), newEvent('b')];
          results.push(await store.appendToStream(stream(suffix), events, 'any'));
          appended.push(...events);
        }

        const log = await readOurs();

        expect(log.map((event) => event.id)).toEqual(appended.map((event) => event.id));
        expectStrictlyIncreasing(log.map((event) => event.position));
        expect(results.map((result) => result.position)).toEqual(log.filter((_, i) => i % 2 === 1).map((event) => event.position));
      });

      it('readAll starts at fromPosition (inclusive) and returns at most maxCount events', async () => {
        for (const suffix of ['a', 'b', 'c', 'd', 'e']) await store.appendToStream(stream(suffix), [newEvent(suffix)], 'no_stream');
        const log = await readOurs();

        expect(ours(await store.readAll({ fromPosition: log[1].position + 1n, maxCount: 2 }))).toEqual(log.slice(2, 4));
        expect(await readOurs(log[3].position + 1n)).toEqual(log.slice(4));
      });

      interface PartialRead {
        read(options: ReadAllOptions): Promise<{ readonly streamId: string }[]>;
        partOf(event: RecordedEvent): unknown;
      }
      const partialReads: Record<'readAllHeaders' | 'readAllData', PartialRead> = {
        readAllHeaders: { read: async (options) => (await store.readAllHeaders(options)).map(headerOf), partOf: headerOf },
        readAllData: { read: async (options) => (await store.readAllData(options)).map(dataOf), partOf: dataOf },
      };
      it.each(['readAllHeaders', 'readAllData'] as const)("%s gives readAll's events, each with its part's fields, from fromPosition and at most maxCount", async (name) => {
        const { read, partOf } = partialReads[name];
        for (const suffix of ['a', 'b', 'c', 'd', 'e']) await store.appendToStream(stream(suffix), [newEvent(suffix), newEvent('2')], 'no_stream');
        const log = await readOurs();

        const parts = ours(await read({ fromPosition: log[1].position + 1n, maxCount: 6 }));

        expect(parts).toEqual(log.slice(2, 8).map(partOf));
        expect(await read({ fromPosition: log[9].position + 1n, maxCount: 0 })).toEqual([]);
      });

      it('headPosition lies beyond every stored event and the next append lands at or after it', async () => {
        await store.appendToStream(stream('s'), [newEvent('a')], 'no_stream');
        const head = await store.headPosition();
        expect(head).toBeGreaterThan((await readOurs())[0].position);

        const next = await store.appendToStream(stream('s'), [newEvent('b'), newEvent('c')], 0n);
        expect(next.position).toBeGreaterThanOrEqual(head + 1n);
        const after = await store.headPosition();
        expect(after).toBeGreaterThan(next.position);
        expect(await readOurs(after)).toEqual([]);
        expect((await readOurs(head)).map((event) => event.revision)).toEqual([1n, 2n]);
      });

      it('positions stay strictly increasing under concurrent appends to many streams', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.appendToStream(stream(`s${i}`), [newEvent('a'), newEvent('b')], 'no_stream')),
        );
        const log = await readOurs();
        expect(log).toHaveLength(40);
        expectStrictlyIncreasing(log.map((event) => event.position));
        expect(new Set(results.map((result) => result.position))).toEqual(new Set(log.filter((_, i) => i % 2 === 1).map((event) => event.position)));
      });
    });

    describe('concurrent appends to one stream', () => {
      it('with the same expected revision, exactly one wins', async () => {
        await store.appendToStream(stream('s'), [newEvent('a')], 'no_stream');
        const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => store.appendToStream(stream('s'), [newEvent('b')], 0n)));

        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ExpectedVersionConflictError);
        }
        expect((await store.readStream(stream('s'))).map((event) => event.revision)).toEqual([0n, 1n]);
      });

      it('optimistic writers retrying on conflict get every revision exactly once', async () => {
        const writers = 5;
        const appendsPerWriter = 8;
        const written = await Promise.all(
          Array.from({ length: writers }, async () => {
            const mine: string[] = [];
            while (mine.length < appendsPerWriter) {
              const current = await store.readStream(stream('s'));
              const event = newEvent('w');
              const expected: ExpectedRevision = current.length === 0 ? 'no_stream' : current[current.length - 1].revision;
              try {
                await store.appendToStream(stream('s'), [event], expected);
                mine.push(event.id);
              } catch (error) {
                if (!(error instanceof ExpectedVersionConflictError)) throw error;
              }
            }
            return mine;
          }),
        );

        const events = await store.readStream(stream('s'));
        expect(events.map((event) => event.revision)).toEqual(Array.from({ length: writers * appendsPerWriter }, (_, i) => BigInt(i)));
        expect(new Set(events.map((event) => event.id))).toEqual(new Set(written.flat()));
      });
    });

    describe('subscribeToAll', () => {
      const collect = (): { batches: RecordedEvent[][]; handler: (events: RecordedEvent[]) => Promise<void> } => {
        const batches: RecordedEvent[][] = [];
        return { batches, handler: async (events) => void batches.push(events) };
      };

      it(
        'catches up, then delivers live appends in order, without overlap or gap, in bounded batches',
        async () => {
          for (let i = 0; i < 6; i++) await store.appendToStream(stream(`old${i}`), [newEvent('a'), newEvent('b'), newEvent('c')], 'no_stream');
          const { batches, handler } = collect();
          const subscription = store.subscribeToAll({ fromPosition: startPosition, maxBatchSize: 7 }, handler);
          try {
            await Promise.all(
              Array.from({ length: 20 }, async (_, s) => {
                let expected: ExpectedRevision = 'no_stream';
                for (let i = 0; i < 10; i++) {
                  expected = (await store.appendToStream(stream(`live${s}`), [newEvent('a'), newEvent('b'), newEvent('c')], expected)).nextExpectedRevision;
                }
              }),
            );
            const log = await readOurs();
            expect(log).toHaveLength(18 + 600);
            await eventually(() => ours(batches.flat()).length, (count) => count >= log.length, delivery(`all ${log.length} events delivered`));

            expect(ours(batches.flat())).toEqual(log);
            expectStrictlyIncreasing(batches.flat().map((event) => event.position));
            for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(7);
          } finally {
            await subscription.close();
          }
        },
        SUBSCRIPTION_TIMEOUT_MS,
      );

      it(
        'hands the handler what prepare made of each batch, with the batch',
        async () => {
          for (let i = 0; i < 4; i++) await store.appendToStream(stream(`prepared${i}`), [newEvent('a'), newEvent('b')], 'no_stream');
          const log = await readOurs();
          const delivered: { events: RecordedEvent[]; prepared: string[] | undefined }[] = [];
          const subscription = store.subscribeToAll(
            { fromPosition: startPosition, maxBatchSize: 3, prepare: (events) => events.map((event) => event.id) },
            async (events, prepared) => void delivered.push({ events, prepared }),
          );
          try {
            await eventually(() => ours(delivered.flatMap(({ events }) => events)).length, (count) => count >= log.length, delivery(`all ${log.length} events delivered`));
            for (const { events, prepared } of delivered) expect(prepared).toEqual(events.map((event) => event.id));
          } finally {
            await subscription.close();
          }
        },
        SUBSCRIPTION_TIMEOUT_MS,
      );

      it(
        "subscribeToAllData delivers the same events from fromPosition, caught up then live, each with every field but its metadata, with prepare's result",
        async () => {
          for (const suffix of ['a', 'b', 'c', 'd']) await store.appendToStream(stream(suffix), [newEvent(suffix), newEvent('2')], 'no_stream');
          const before = await readOurs();
          const delivered: { events: RecordedEventData[]; prepared: string[] | undefined }[] = [];
          const subscription = store.subscribeToAllData(
            { fromPosition: before[1].position + 1n, maxBatchSize: 3, prepare: (events) => events.map((event) => event.id) },
            async (events, prepared) => void delivered.push({ events, prepared }),
          );
          try {
            await store.appendToStream(stream('live'), [newEvent('a'), newEvent('b')], 'no_stream');
            const log = (await readOurs()).slice(2);
            await eventually(() => ours(delivered.flatMap(({ events }) => events)).length, (count) => count >= log.length, delivery(`all ${log.length} events delivered`));

            expect(ours(delivered.flatMap(({ events }) => events)).map(dataOf)).toEqual(log.map(dataOf));
            for (const { events, prepared } of delivered) expect(prepared).toEqual(events.map((event) => event.id));
          } finally {
            await subscription.close();
          }
        },
        SUBSCRIPTION_TIMEOUT_MS,
      );

      it(
        'starts at fromPosition',
        async () => {
          for (const suffix of ['a', 'b', 'c']) await store.appendToStream(stream(suffix), [newEvent(suffix)], 'no_stream');
          const log = await readOurs();
          const { batches, handler } = collect();
          const subscription = store.subscribeToAll({ fromPosition: log[0].position + 1n }, handler);
          try {
            await eventually(() => ours(batches.flat()).length, (count) => count >= 2, delivery('the 2 events from fromPosition on'));
            expect(ours(batches.flat())).toEqual(log.slice(1));
          } finally {
            await subscription.close();
          }
        },
        SUBSCRIPTION_TIMEOUT_MS,
      );

      it(
        'never calls the handler while a previous call is still running',
        async () => {
          let running = 0;
          let mostAtOnce = 0;
          let delivered = 0;
          const subscription = store.subscribeToAll({ fromPosition: startPosition, maxBatchSize: 5 }, async (events) => {
            running++;
            mostAtOnce = Math.max(mostAtOnce, running);
            await sleep(5);
            delivered += ours(events).length;
            running--;
          });
          try {
            await Promise.all(Array.from({ length: 10 }, (_, i) => store.appendToStream(stream(`s${i}`), [newEvent('a'), newEvent('b')], 'no_stream')));
            await eventually(() => delivered, (count) => count >= 20, delivery('20 events through the slow handler'));
            expect(mostAtOnce).toBe(1);
          } finally {
            await subscription.close();
          }
        },
        SUBSCRIPTION_TIMEOUT_MS,
      );

      it(
        'delivers the same batch again after the handler fails, and skips nothing',
        async () => {
          const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
          for (let i = 0; i < 4; i++) await store.appendToStream(stream(`s${i}`), [newEvent('a'), newEvent('b')], 'no_stream');
          const log = await readOurs();
          const calls: RecordedEvent[][] = [];
          const accepted: RecordedEvent[] = [];
          const subscription = store.subscribeToAll({ fromPosition: startPosition, maxBatchSize: 3 }, async (events) => {
            calls.push(events);
            if (calls.length <= 2) throw new Error('projection unavailable');
            accepted.push(...events);
          });
          try {
            await eventually(() => ours(accepted).length, (count) => count >= log.length, delivery(`all ${log.length} events accepted after the failures`));
            expect(calls[1]).toEqual(calls[0]);
            expect(calls[2]).toEqual(calls[0]);
            expect(ours(accepted)).toEqual(log);
            expect(warn).toHaveBeenCalled();
          } finally {
            await subscription.close();
            warn.mockRestore();
          }
        },
        SUBSCRIPTION_TIMEOUT_MS,
      );

      it(
        'delivers nothing after close',
        async () => {
          const { batches, handler } = collect();
          const subscription = store.subscribeToAll({ fromPosition: startPosition }, handler);
          await store.appendToStream(stream('s'), [newEvent('a')], 'no_stream');
          await eventually(() => ours(batches.flat()).length, (count) => count === 1, delivery('the event appended before the close'));

          await subscription.close();
          await store.appendToStream(stream('s'), [newEvent('b')], 0n);
          await sleep(300);

          expect(ours(batches.flat())).toHaveLength(1);
        },
        SUBSCRIPTION_TIMEOUT_MS,
      );
    });

    describe('payloads', () => {
      it('round-trips data and metadata exactly, unicode and nesting included', async () => {
        const data: JsonObject = {
          text: 'Zürich — 東京 — Ελλάδα — 🧾💳',
          escapes: 'quote " backslash \\ newline \n tab \t nul \u0000 line-separator \u2028',
          amountMinor: '123456789012345678901234567890',
          integers: [0, -1, 42, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
          '7': 'an integer-like key, which objects order first',
          fraction: 0.1,
          flags: { yes: true, no: false, nothing: null },
          empty: { object: {}, array: [], string: '' },
          nested: { a: [{ b: [{ c: { 'ключ 🔑': ['deep'] } }] }] },
        };
        const metadata: JsonObject = { causationId: randomUUID(), terminal: { id: 't-1', sequence: 7 }, note: 'über' };
        const event: NewEvent = { id: randomUUID(), type: 'payload.checked', data, metadata };
        await store.appendToStream(stream('s'), [event], 'no_stream');

        const [fromStream] = await store.readStream(stream('s'));
        const [fromLog] = await readOurs();
        for (const read of [fromStream, fromLog]) {
          expect(read.data).toEqual(data);
          expect(callerMetadata(read.metadata)).toEqual(metadata);
          expect(JSON.stringify(read.data)).toBe(JSON.stringify(data));
          // A store that gives its stored text gives exactly what serialising the data would.
          expect(read.dataJson ?? JSON.stringify(read.data)).toBe(JSON.stringify(data));
        }
      });
    });
  });
}

function newEvent(type: string): NewEvent {
  return { id: randomUUID(), type: `contract.${type}`, data: { value: type, at: Date.now() } };
}

function expectStrictlyIncreasing(positions: readonly bigint[]): void {
  positions.slice(1).forEach((position, i) => expect(position).toBeGreaterThan(positions[i]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
