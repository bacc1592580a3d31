import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '@posledger/testing';
import type { EventStore, ExpectedRevision, RecordedEvent } from '../event-store.port';
import { createLmdbEventStore } from '../lmdb/lmdb-event-store';
import { tamperWithLmdb } from '../testing/lmdb-tampering';
import { chainOf, eventHash } from './event-hash';
import { startAnchoring } from './start-anchoring';
import { verifyIntegrity } from './verify-integrity';
import { withHashChain } from './with-hash-chain';

/** Appends through the hash chain, closes the store, then edits its LMDB files directly (a fresh copy per attack). */
describe('tamper evidence of the embedded store', () => {
  let original: string;
  let copy: string;
  let store: EventStore | undefined;
  const path = (dir: string): string => join(dir, 'event-store');

  beforeAll(async () => {
    original = mkdtempSync(join(tmpdir(), 'tampering-original-'));
    const writer = withHashChain(await createLmdbEventStore({ path: path(original) }));
    const revisions = new Map<string, ExpectedRevision>();
    for (const streamId of ['terminal-a', 'terminal-b', 'terminal-a', 'terminal-c', 'terminal-a', 'terminal-b']) {
      const events = [0, 1].map((i) => ({ id: randomUUID(), type: 'SaleApproved', data: { amountMinor: String(1000 + i), currency: 'CNY' }, metadata: { terminalId: streamId } }));
      const result = await writer.appendToStream(streamId, events, revisions.get(streamId) ?? 'no_stream');
      revisions.set(streamId, result.nextExpectedRevision);
    }
    const anchoring = startAnchoring(writer, { everyEvents: 5, pollIntervalMs: 10 });
    await eventually(
      () => writer.readStream('audit-anchors'),
      (anchors) => anchors.length === 2,
      // Within the hook's 15 s, so a stall fails saying what it waited for.
      { timeoutMs: 10_000, intervalMs: 10, what: 'two anchors over the 12 events' },
    );
    await anchoring.stop();
    await writer.close();
  }, 15_000);
  afterAll(() => rmSync(original, { recursive: true, force: true }));

  beforeEach(() => {
    copy = mkdtempSync(join(tmpdir(), 'tampering-copy-'));
    cpSync(original, copy, { recursive: true });
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(copy, { recursive: true, force: true });
  });

  const verify = async (): Promise<Awaited<ReturnType<typeof verifyIntegrity>>> => {
    store = withHashChain(await createLmdbEventStore({ path: path(copy) }));
    return verifyIntegrity(store);
  };

  it('an untouched store verifies ok, anchors included', async () => {
    expect(await verify()).toEqual({ ok: true, eventsChecked: 14, streamsChecked: 4, anchorsChecked: 2, firstProblem: undefined });
  });

  it('an edited record is reported ALTERED', async () => {
    const position = await tamperWithLmdb(path(copy), (files) => {
      const at = files.positionOf('terminal-a', 2n);
      const event = files.read(at);
      files.write({ ...event, data: { ...event.data, amountMinor: '1' } });
      return at;
    });
    expect((await verify()).firstProblem).toMatchObject({ kind: 'ALTERED', streamId: 'terminal-a', revision: 2n, position: BigInt(position) });
  });

  it.each([
    ['a careless attacker (the log record only)', false],
    ['a careful attacker (the record and its index entries)', true],
  ])('a record removed from the middle of a stream by %s is reported REMOVED at the next one', async (_, careful) => {
    const next = await tamperWithLmdb(path(copy), (files) => {
      const at = files.positionOf('terminal-a', 2n);
      const { id } = files.read(at);
      files.dbs.log.removeSync(at);
      if (careful) {
        files.dbs.streams.removeSync(['terminal-a', 2]);
        files.dbs.eventIds.removeSync(['terminal-a', id]);
      }
      return files.positionOf('terminal-a', 3n);
    });
    const { firstProblem } = await verify();
    expect(firstProblem).toMatchObject({ kind: 'REMOVED', streamId: 'terminal-a', revision: 3n, position: BigInt(next) });
    expect(firstProblem?.detail).toContain('revision 2 missing');
  });

  it('a forged record, hashed and linked as the chain would, is reported INSERTED', async () => {
    const forgedAt = await tamperWithLmdb(path(copy), (files) => {
      const predecessor = files.read(files.positionOf('terminal-a', 1n));
      const genuine = files.read(files.positionOf('terminal-a', 2n));
      const prev = chainOf(predecessor.metadata)?.hash ?? '';
      const position = BigInt(Array.from(files.dbs.log.getKeys({ reverse: true, limit: 1 }))[0] + 1);
      const forged: RecordedEvent = { ...genuine, id: randomUUID(), position, data: { amountMinor: '99999', currency: 'CNY' } };
      files.write({ ...forged, metadata: { ...forged.metadata, chain: { prev, hash: eventHash(forged, prev) } } });
      return position;
    });
    expect((await verify()).firstProblem).toMatchObject({ kind: 'INSERTED', streamId: 'terminal-a', revision: 2n, position: forgedAt });
  });
});
