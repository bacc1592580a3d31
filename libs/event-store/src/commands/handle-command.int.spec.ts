import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../event-store.port';
import { ExpectedVersionConflictError } from '../expected-version-conflict.error';
import { createLmdbEventStore } from '../lmdb/lmdb-event-store';
import { aggregateStream, type Evolution } from './aggregate-stream';
import { handleCommand } from './handle-command';

/** A counter: each `Added` event adds its amount. */
type Added = { type: 'Added'; data: { amount: number } };
const counter: Evolution<number, Added> = { evolve: (total, event) => total + event.data.amount, initialState: () => 0 };
const added = (amount: number) => ({ id: randomUUID(), type: 'Added', data: { amount } });

describe('handleCommand and aggregateStream (LMDB event store)', () => {
  let dir: string;
  let store: EventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'handle-command-'));
    store = await createLmdbEventStore({ path: join(dir, 'event-store') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('folds a stream into its state and the revision to append after', async () => {
    expect(await aggregateStream(store, 'c-1', counter)).toEqual({ state: 0, revision: 'no_stream' });
    await store.appendToStream('c-1', [added(2), added(3)], 'no_stream');
    expect(await aggregateStream(store, 'c-1', counter)).toEqual({ state: 5, revision: 1n });
  });

  it('goes on from an earlier fold of the stream, reading only the events appended after it', async () => {
    await store.appendToStream('c-1', [added(2), added(3)], 'no_stream');
    const earlier = await aggregateStream(store, 'c-1', counter);
    await store.appendToStream('c-1', [added(4)], 1n);
    const read: bigint[] = [];
    const counted: EventStore = { ...store, readStream: (streamId, fromRevision, maxCount) => (read.push(fromRevision ?? 0n), store.readStream(streamId, fromRevision, maxCount)) };
    expect(await aggregateStream(counted, 'c-1', counter, earlier)).toEqual({ state: 9, revision: 2n });
    expect(await aggregateStream(counted, 'c-1', counter, { state: 9, revision: 2n })).toEqual({ state: 9, revision: 2n });
    expect(read).toEqual([2n, 3n]);
  });

  it('folds a long stream page by page to the state and revision of the whole, and gives the event loop turns', async () => {
    for (const length of [1_000, 2_500]) {
      const stream = `c-${length}`;
      await store.appendToStream(stream, Array.from({ length }, (_, n) => added(n + 1)), 'no_stream');
      // Other work waiting for a turn of the event loop: it only runs while the fold gives one up.
      let turns = 0;
      let ticker = setImmediate(function tick() {
        turns++;
        ticker = setImmediate(tick);
      });
      const folded = await aggregateStream(store, stream, counter);
      clearImmediate(ticker);
      expect(folded).toEqual({ state: (length * (length + 1)) / 2, revision: BigInt(length - 1) });
      expect(turns).toBeGreaterThanOrEqual(Math.floor(length / 1_000));
    }
  });

  it('decides on the loaded state and appends at its revision; nothing decided, nothing appended', async () => {
    const appended: number[] = [];
    const handling = (amount: number) => ({
      load: () => aggregateStream(store, 'c-1', counter),
      decide: (total: number) => ({ events: amount === 0 ? [] : [added(amount)], state: total + amount }),
      appended: (total: number) => void appended.push(total),
    });
    expect(await handleCommand(store, 'c-1', handling(4))).toBe(1);
    expect(await handleCommand(store, 'c-1', handling(0))).toBe(0);
    expect(await handleCommand(store, 'c-1', handling(6))).toBe(1);
    expect(appended).toEqual([4, 10]);
    expect((await aggregateStream(store, 'c-1', counter)).state).toBe(10);
  });

  it('on a conflict (another writer appended in between) loads and decides again', async () => {
    let loads = 0;
    const failures: number[] = [];
    const appendedEvents = await handleCommand(store, 'c-1', {
      load: async () => {
        loads++;
        const loaded = await aggregateStream(store, 'c-1', counter);
        // Another process appends after the first load: the first append must conflict.
        if (loads === 1) await store.appendToStream('c-1', [added(100)], 'any');
        return loaded;
      },
      decide: (total) => ({ events: [added(total + 1)], state: total * 2 + 1 }),
      appendFailed: () => failures.push(loads),
    });
    expect(appendedEvents).toBe(1);
    expect(loads).toBe(2);
    expect(failures).toEqual([1]);
    expect((await aggregateStream(store, 'c-1', counter)).state).toBe(201);
  });

  it('gives up with the conflict after five attempts', async () => {
    let attempts = 0;
    await store.appendToStream('c-1', [added(1)], 'no_stream');
    // A load that never sees that event, as a stale cache would not.
    const stale = handleCommand(store, 'c-1', {
      load: async () => ({ state: 0, revision: 'no_stream' as const }),
      decide: () => {
        attempts++;
        return { events: [added(1)], state: 1 };
      },
    });
    await expect(stale).rejects.toBeInstanceOf(ExpectedVersionConflictError);
    expect(attempts).toBe(5);
  });
});
