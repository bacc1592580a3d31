import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, type EventuallyOptions } from '@posledger/testing';
import type { EventStore } from '../event-store.port';
import { createLmdbEventStore } from '../lmdb/lmdb-event-store';
import { ANCHOR_STREAM } from './anchor-fold';
import { readAnchors, type Anchor } from './anchors';
import { startAnchoring } from './start-anchoring';
import { verifyIntegrity } from './verify-integrity';
import { withHashChain } from './with-hash-chain';

describe('startAnchoring over LMDB', () => {
  let dir: string;
  let store: EventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'anchoring-'));
    store = withHashChain(await createLmdbEventStore({ path: join(dir, 'event-store') }));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const appendTo = async (streamCount: number, eventsEach: number): Promise<void> => {
    for (let s = 0; s < streamCount; s++) {
      const events = Array.from({ length: eventsEach }, () => ({ id: randomUUID(), type: 'Recorded', data: {} }));
      await store.appendToStream(`s-${randomUUID()}`, events, 'no_stream');
    }
  };
  // Each wait may take 15 s, and a test twice that: longer than Jest's default 5 s, so a wait that falls short fails
  // saying what it waited for.
  const polling = (what: string): EventuallyOptions => ({ timeoutMs: 15_000, intervalMs: 10, what });
  const TEST_TIMEOUT_MS = 35_000;
  const anchoredEvents = async (): Promise<number> => (await readAnchors(store)).reduce((sum, anchor) => sum + anchor.eventCount, 0);
  const expectContiguous = (anchors: readonly Anchor[]): void =>
    anchors.slice(1).forEach((anchor, i) => {
      expect(anchor.fromPosition).toBe(anchors[i].toPosition + 1n);
      expect(anchor.previousAnchorHash).toBe(anchors[i].hash);
    });

  it('anchors every N events, resumes after a restart without anchoring anything twice, and the anchors verify', async () => {
    await appendTo(5, 4);
    const first = startAnchoring(store, { everyEvents: 6, pollIntervalMs: 10 });
    await eventually(anchoredEvents, (count) => count === 18, polling('18 events anchored'));
    await first.stop();

    await appendTo(4, 4);
    const second = startAnchoring(store, { everyEvents: 6, pollIntervalMs: 10 });
    await eventually(anchoredEvents, (count) => count === 36, polling('36 events anchored after the restart'));
    await second.stop();

    const anchors = await readAnchors(store);
    expect(anchors.map((anchor) => anchor.eventCount)).toEqual([6, 6, 6, 6, 6, 6]);
    expectContiguous(anchors);
    expect(await verifyIntegrity(store)).toMatchObject({ ok: true, eventsChecked: 36 + 6, anchorsChecked: 6 });
  }, TEST_TIMEOUT_MS);

  it('anchors what is pending once everyMs has passed', async () => {
    await appendTo(1, 3);
    const anchoring = startAnchoring(store, { everyEvents: 1000, everyMs: 50, pollIntervalMs: 10 });
    try {
      await eventually(() => readAnchors(store), (anchors) => anchors.length === 1, polling('one anchor once everyMs has passed'));
      expect((await readAnchors(store))[0]).toMatchObject({ fromPosition: 0n, toPosition: 2n, eventCount: 3 });
    } finally {
      await anchoring.stop();
    }
  }, TEST_TIMEOUT_MS);

  it('two anchorers on one store record one chain of anchors: the loser of an append rereads and continues', async () => {
    const anchorers = [0, 1].map(() => startAnchoring(store, { everyEvents: 5, pollIntervalMs: 1 }));
    try {
      for (let round = 0; round < 10; round++) await appendTo(3, 5);
      await eventually(anchoredEvents, (count) => count === 150, polling('150 events anchored by the two anchorers'));
    } finally {
      await Promise.all(anchorers.map((anchorer) => anchorer.stop()));
    }
    const anchors = await readAnchors(store);
    expect(anchors).toHaveLength(30);
    expectContiguous(anchors);
    expect((await store.readStream(ANCHOR_STREAM)).map((event) => event.revision)).toEqual(anchors.map((_, i) => BigInt(i)));
    expect((await verifyIntegrity(store)).ok).toBe(true);
  }, TEST_TIMEOUT_MS);
});
