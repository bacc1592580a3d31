// Folds of streams kept between commands, over a real LMDB store: each event read once while its fold is kept,
// whoever appended it; a trim applied after each read; the least recently read fold forgotten past the bound.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../event-store.port';
import { createLmdbEventStore } from '../lmdb/lmdb-event-store';
import type { Evolution } from './aggregate-stream';
import { streamFolds } from './stream-folds';

type Added = { type: 'Added'; data: { amount: number } };
const counter: Evolution<number, Added> = { evolve: (total, event) => total + event.data.amount, initialState: () => 0 };
const added = (amount: number) => ({ id: randomUUID(), type: 'Added', data: { amount } });

describe('stream folds', () => {
  let dir: string;
  let store: EventStore;
  let counted: EventStore;
  const reads: string[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stream-folds-'));
    store = await createLmdbEventStore({ path: join(dir, 'event-store') });
    reads.length = 0;
    counted = { ...store, readStream: async (streamId, fromRevision, maxCount) => {
      const events = await store.readStream(streamId, fromRevision, maxCount);
      reads.push(...events.map(({ data }) => `${streamId}:${String(data.amount)}`));
      return events;
    } };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads each event of a stream once while its fold is kept, whoever appended it, and trims after each read', async () => {
    const folds = streamFolds(counted, counter, 10);
    await store.appendToStream('a', [added(1), added(2)], 'no_stream');
    expect(await folds('a')).toEqual({ state: 3, revision: 1n });
    await store.appendToStream('a', [added(4)], 1n);
    expect(await folds('a', (state) => state * 10)).toEqual({ state: 70, revision: 2n });
    expect(await folds('a')).toEqual({ state: 70, revision: 2n });
    expect(await folds('empty')).toEqual({ state: 0, revision: 'no_stream' });
    await store.appendToStream('empty', [added(5)], 'no_stream');
    expect(await folds('empty')).toEqual({ state: 5, revision: 0n });
    expect(reads).toEqual(['a:1', 'a:2', 'a:4', 'empty:5']);
  });

  it('forgets the least recently read fold past its bound, and reads that stream whole when next asked', async () => {
    const folds = streamFolds(counted, counter, 2);
    for (const stream of ['a', 'b', 'c']) await store.appendToStream(stream, [added(1)], 'no_stream');
    await folds('a');
    await folds('b');
    await folds('a');
    await folds('c');
    reads.length = 0;
    expect(await folds('a')).toEqual({ state: 1, revision: 0n });
    expect(await folds('b')).toEqual({ state: 1, revision: 0n });
    expect(reads).toEqual(['b:1']);
  });
});
