import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, NewEvent } from '../event-store.port';
import { ExpectedVersionConflictError } from '../expected-version-conflict.error';
import { createLmdbEventStore } from '../lmdb/lmdb-event-store';
import { eventStoreContract } from '../testing';
import { GENESIS_HASH, chainOf, withoutChain } from './event-hash';
import { verifyIntegrity } from './verify-integrity';
import { withHashChain } from './with-hash-chain';

eventStoreContract(
  'LMDB adapter behind withHashChain',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hash-chain-contract-'));
    const store = withHashChain(await createLmdbEventStore({ path: join(dir, 'event-store') }));
    return {
      store,
      async cleanup() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { callerMetadata: withoutChain },
);

describe('withHashChain over LMDB', () => {
  let dir: string;
  let inner: EventStore;
  let store: EventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hash-chain-'));
    inner = await createLmdbEventStore({ path: join(dir, 'event-store') });
    store = withHashChain(inner);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const newEvent = (): NewEvent => ({ id: randomUUID(), type: 'Recorded', data: { at: Date.now() }, metadata: { causationId: randomUUID() } });
  const links = async (streamId: string): Promise<{ prev: string; hash: string }[]> =>
    (await store.readStream(streamId)).map((event) => chainOf(event.metadata) ?? { prev: 'none', hash: 'none' });

  it('links every event to its predecessor whatever the expected revision, and the log verifies', async () => {
    await store.appendToStream('s', [newEvent(), newEvent()], 'no_stream');
    await store.appendToStream('s', [newEvent()], 1n);
    await store.appendToStream('s', [newEvent()], 'any');
    await store.appendToStream('t', [newEvent()], 'any');

    const chain = await links('s');
    expect(chain[0].prev).toBe(GENESIS_HASH);
    chain.slice(1).forEach((link, i) => expect(link.prev).toBe(chain[i].hash));
    expect(new Set(chain.map((link) => link.hash)).size).toBe(4);
    expect(await verifyIntegrity(store)).toEqual({ ok: true, eventsChecked: 5, streamsChecked: 2, anchorsChecked: 0, firstProblem: undefined });
  });

  it('an idempotent retry of the same ids succeeds and stores nothing twice', async () => {
    const events = [newEvent(), newEvent()];
    await store.appendToStream('s', [newEvent()], 'no_stream');
    const first = await store.appendToStream('s', events, 0n);
    await store.appendToStream('s', [newEvent()], 2n);

    expect(await store.appendToStream('s', events, 0n)).toEqual(first);
    expect(await store.appendToStream('s', events, 'any')).toEqual(first);
    expect(await store.readStream('s')).toHaveLength(4);
    expect((await verifyIntegrity(store)).ok).toBe(true);
  });

  it('a writer whose cached tip went stale (another process appended) conflicts, then links to the real tip', async () => {
    const other = withHashChain(inner);
    const mine = await store.appendToStream('s', [newEvent()], 'no_stream');
    await other.appendToStream('s', [newEvent()], mine.nextExpectedRevision);

    await expect(store.appendToStream('s', [newEvent()], mine.nextExpectedRevision)).rejects.toBeInstanceOf(ExpectedVersionConflictError);
    await store.appendToStream('s', [newEvent()], 1n);
    await store.appendToStream('s', [newEvent()], 'any');

    expect(await store.readStream('s')).toHaveLength(4);
    expect((await verifyIntegrity(store)).ok).toBe(true);
  });

  it('an expected revision beyond the stream conflicts with the actual revision, storing nothing', async () => {
    await store.appendToStream('s', [newEvent()], 'no_stream');
    await expect(store.appendToStream('s', [newEvent()], 5n)).rejects.toMatchObject({ expected: '5', actual: '0' });
    await expect(store.appendToStream('missing', [newEvent()], 0n)).rejects.toMatchObject({ actual: 'no_stream' });
    expect(await store.readStream('s')).toHaveLength(1);
  });

  it('continues a stream whose events predate the chain, and reports them UNCHAINED', async () => {
    await inner.appendToStream('s', [newEvent()], 'no_stream');
    await store.appendToStream('s', [newEvent()], 0n);
    expect((await links('s'))[1].prev).toBe(GENESIS_HASH);
    expect((await verifyIntegrity(store)).firstProblem).toMatchObject({ kind: 'UNCHAINED', streamId: 's', revision: 0n });
  });
});
