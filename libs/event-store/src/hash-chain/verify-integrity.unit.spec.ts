import type { EventStore, JsonObject, RecordedEvent } from '../event-store.port';
import { ANCHOR_RECORDED, ANCHOR_STREAM, AnchorFold, isAnchored } from './anchor-fold';
import { GENESIS_HASH, chainOf, eventHash } from './event-hash';
import { verifyIntegrity } from './verify-integrity';

/** A log built the way withHashChain and startAnchoring write it, then tampered with as an array. */
class Log {
  events: RecordedEvent[] = [];

  append(streamId: string, count: number, data: (i: number) => JsonObject = (i) => ({ i })): this {
    for (let i = 0; i < count; i++) this.events.push(chained(this.events, streamId, data(i)));
    return this;
  }

  anchor(): this {
    const anchors = this.events.filter((event) => event.streamId === ANCHOR_STREAM);
    const last = anchors[anchors.length - 1]?.data;
    const fold = new AnchorFold(last ? BigInt(String(last.toPosition)) + 1n : 0n, typeof last?.hash === 'string' ? last.hash : GENESIS_HASH);
    for (const event of this.events) if (isAnchored(event) && event.position >= fold.fromPosition) fold.add(event);
    const data = { fromPosition: String(fold.fromPosition), toPosition: String(fold.toPosition), eventCount: fold.eventCount, previousAnchorHash: fold.previousAnchorHash, hash: fold.digest() };
    this.events.push(chained(this.events, ANCHOR_STREAM, data, ANCHOR_RECORDED));
    return this;
  }

  find(streamId: string, revision: bigint): RecordedEvent {
    const found = this.events.find((event) => event.streamId === streamId && event.revision === revision);
    if (!found) throw new Error(`no ${streamId}@${revision}`);
    return found;
  }

  replace(target: RecordedEvent, replacement: RecordedEvent): void {
    this.events = this.events.map((event) => (event === target ? replacement : event));
  }

  store(): EventStore {
    const unused = (): never => {
      throw new Error('not used by verifyIntegrity');
    };
    return {
      readAll: async ({ fromPosition, maxCount }) => this.events.filter((event) => event.position >= fromPosition).slice(0, maxCount),
      readAllHeaders: unused,
      readAllData: unused,
      readStream: async (streamId) => this.events.filter((event) => event.streamId === streamId),
      appendToStream: unused,
      subscribeToAll: unused,
      subscribeToAllData: unused,
      headPosition: unused,
      streamExists: unused,
      close: unused,
    };
  }
}

function chained(log: readonly RecordedEvent[], streamId: string, data: JsonObject, type = 'Recorded'): RecordedEvent {
  const stream = log.filter((event) => event.streamId === streamId);
  const previous = stream[stream.length - 1];
  const prev = previous ? (chainOf(previous.metadata)?.hash ?? GENESIS_HASH) : GENESIS_HASH;
  const revision = previous ? previous.revision + 1n : 0n;
  const content = { id: `${streamId}-${revision}`, streamId, revision, type, data, metadata: { causationId: 'c' } };
  return withChain({ ...content, position: nextPosition(log), recordedAt: '2026-11-23T10:00:00.000Z' }, prev);
}

/** Sets a self-consistent chain, as a forger who knows the algorithm would. */
function withChain(event: RecordedEvent, prev: string): RecordedEvent {
  const { chain: _chain, ...metadata } = event.metadata;
  return { ...event, metadata: { ...metadata, chain: { prev, hash: eventHash(event, prev) } } };
}

const nextPosition = (log: readonly RecordedEvent[]): bigint => (log.length === 0 ? 0n : log[log.length - 1].position + 1n);
const hashOf = (event: RecordedEvent): string => chainOf(event.metadata)?.hash ?? '';

describe('verifyIntegrity', () => {
  const interleaved = (): Log => new Log().append('a', 2).append('b', 2).append('a', 3).append('b', 1);

  it('finds nothing wrong in an untouched log, anchors included', async () => {
    const log = interleaved().anchor().append('a', 2).anchor().append('b', 1);
    expect(await verifyIntegrity(log.store())).toEqual({ ok: true, eventsChecked: 13, streamsChecked: 3, anchorsChecked: 2, firstProblem: undefined });
  });

  it('names an edited event ALTERED', async () => {
    const log = interleaved();
    const edited = log.find('a', 2n);
    log.replace(edited, { ...edited, data: { i: 999 } });
    expect((await verifyIntegrity(log.store())).firstProblem).toMatchObject({ kind: 'ALTERED', streamId: 'a', revision: 2n, position: edited.position });
  });

  it('names the event after a removed one REMOVED, with the missing revision', async () => {
    const log = interleaved();
    const removed = log.find('a', 2n);
    log.events = log.events.filter((event) => event !== removed);
    const { ok, firstProblem } = await verifyIntegrity(log.store());
    expect(ok).toBe(false);
    expect(firstProblem).toMatchObject({ kind: 'REMOVED', streamId: 'a', revision: 3n, position: log.find('a', 3n).position });
    expect(firstProblem?.detail).toContain('revision 2 missing');
  });

  it('names a forged event claiming a revision already taken INSERTED, though its own hash and prev are right', async () => {
    const log = interleaved();
    const forged = withChain({ ...log.find('a', 2n), id: 'forged', data: { i: 'forged' }, position: nextPosition(log.events) }, hashOf(log.find('a', 1n)));
    log.events.push(forged);
    expect((await verifyIntegrity(log.store())).firstProblem).toMatchObject({ kind: 'INSERTED', streamId: 'a', revision: 2n, position: forged.position });
  });

  it('names the forged one of two events claiming the same place: the one the stream does not continue from', async () => {
    const log = interleaved();
    const genuine = log.find('a', 2n);
    const forged = withChain({ ...genuine, id: 'forged', data: { i: 'forged' } }, hashOf(log.find('a', 1n)));
    // Slipped in just before the genuine event, every later position moved up by one.
    log.events = log.events.flatMap((event) => {
      const moved = event.position >= genuine.position ? { ...event, position: event.position + 1n } : event;
      return event === genuine ? [forged, moved] : [moved];
    });
    expect((await verifyIntegrity(log.store())).firstProblem).toMatchObject({ kind: 'INSERTED', streamId: 'a', revision: 2n, position: genuine.position });
  });

  it('names an appended event that does not link to its predecessor INSERTED', async () => {
    const log = interleaved();
    const last = log.find('a', 4n);
    const forged = withChain({ ...last, id: 'forged', revision: 5n, position: nextPosition(log.events) }, 'f'.repeat(64));
    log.events.push(forged);
    expect((await verifyIntegrity(log.store())).firstProblem).toMatchObject({ kind: 'INSERTED', streamId: 'a', revision: 5n, position: forged.position });
  });

  it('catches an edit whose hash was recomputed where the chain breaks, at the next event of the stream', async () => {
    const log = interleaved();
    const edited = log.find('a', 2n);
    log.replace(edited, withChain({ ...edited, data: { i: 999 } }, hashOf(log.find('a', 1n))));
    const { firstProblem } = await verifyIntegrity(log.store());
    expect(firstProblem).toMatchObject({ kind: 'INSERTED', streamId: 'a', revision: 3n });
    expect(firstProblem?.detail).toContain('re-hashed');
  });

  it('reports the problem at the lowest position, not the first one detected', async () => {
    const log = interleaved().anchor();
    const removed = log.find('a', 1n);
    const edited = log.find('b', 0n);
    log.events = log.events.filter((event) => event !== removed);
    log.replace(edited, { ...edited, type: 'Edited' });
    // a@1 (position 1) is gone: detected at a@2 (position 4), after b@0 (position 2) was already found altered.
    expect((await verifyIntegrity(log.store())).firstProblem).toMatchObject({ kind: 'ALTERED', streamId: 'b', revision: 0n });
  });

  it('catches the removal of a stream\'s last events, which leaves no gap, through the anchor covering them', async () => {
    const log = interleaved().anchor();
    const removed = log.find('b', 2n);
    log.events = log.events.filter((event) => event !== removed);
    const { firstProblem } = await verifyIntegrity(log.store());
    expect(firstProblem).toMatchObject({ kind: 'ANCHOR_MISMATCH', streamId: ANCHOR_STREAM, revision: 0n });
    expect(firstProblem?.detail).toContain('covers 8 events');
  });

  it('reports an anchor that does not follow the previous one', async () => {
    const log = interleaved().anchor().append('a', 1).anchor();
    const second = log.find(ANCHOR_STREAM, 1n);
    log.replace(second, withChain({ ...second, data: { ...second.data, previousAnchorHash: GENESIS_HASH } }, hashOf(log.find(ANCHOR_STREAM, 0n))));
    expect((await verifyIntegrity(log.store())).firstProblem).toMatchObject({ kind: 'ANCHOR_MISMATCH', revision: 1n, position: second.position });
  });

  it('reports events from before the chain UNCHAINED instead of failing, and checks the chain after them', async () => {
    const log = new Log();
    log.events.push({ id: 'legacy', streamId: 'a', revision: 0n, position: 0n, type: 'Recorded', data: {}, metadata: {}, recordedAt: '2026-11-23T10:00:00.000Z' });
    log.append('a', 2);
    const report = await verifyIntegrity(log.store());
    expect(report).toMatchObject({ ok: false, eventsChecked: 3, firstProblem: { kind: 'UNCHAINED', streamId: 'a', revision: 0n, position: 0n } });

    const edited = log.find('a', 2n);
    log.replace(edited, { ...edited, data: { i: 'edited' } });
    log.events = log.events.slice(1);
    expect((await verifyIntegrity(log.store())).firstProblem).toMatchObject({ kind: 'REMOVED', revision: 1n });
  });
});
