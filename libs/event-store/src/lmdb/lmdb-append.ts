import type { AppendResult, ExpectedRevision } from '../event-store.port';
import type { LmdbDatabases } from './lmdb-databases';
import { toStoredEvent, type EncodedEvent } from './lmdb-records';

export type AppendOutcome =
  | { readonly kind: 'written' | 'already-written'; readonly result: AppendResult }
  | { readonly kind: 'conflict'; readonly actual: string };

/**
 * The whole append decision; runs inside the write transaction, so the revision it checks cannot change before
 * the commit (the LMDB write lock spans processes). Writes nothing unless it returns 'written'.
 */
export function appendInTransaction(
  dbs: LmdbDatabases,
  streamId: string,
  events: readonly EncodedEvent[],
  expected: ExpectedRevision,
): AppendOutcome {
  const current = dbs.heads.get(streamId) ?? -1;
  if (expected === 'any') {
    // EventStoreDB semantics: with no expectation, a batch whose first id is already in the stream is a retry.
    const firstRevision = dbs.eventIds.get([streamId, events[0].id]);
    if (firstRevision !== undefined) return existingOrConflict(dbs, streamId, events, firstRevision, current);
  } else {
    const expectedLast = expected === 'no_stream' ? -1 : Number(expected);
    if (expectedLast !== current) return existingOrConflict(dbs, streamId, events, expectedLast + 1, current);
  }
  return { kind: 'written', result: write(dbs, streamId, events, current) };
}

export function nextPosition(log: LmdbDatabases['log']): number {
  for (const last of log.getKeys({ reverse: true, limit: 1 })) return last + 1;
  return 0;
}

function existingOrConflict(
  dbs: LmdbDatabases,
  streamId: string,
  events: readonly EncodedEvent[],
  firstRevision: number,
  current: number,
): AppendOutcome {
  const isRetry = events.every((event, i) => dbs.eventIds.get([streamId, event.id]) === firstRevision + i);
  const lastRevision = firstRevision + events.length - 1;
  const position = isRetry ? dbs.streams.get([streamId, lastRevision]) : undefined;
  if (position === undefined) return { kind: 'conflict', actual: current === -1 ? 'no_stream' : String(current) };
  return { kind: 'already-written', result: { nextExpectedRevision: BigInt(lastRevision), position: BigInt(position) } };
}

function write(dbs: LmdbDatabases, streamId: string, events: readonly EncodedEvent[], current: number): AppendResult {
  const recordedAt = new Date().toISOString();
  let position = nextPosition(dbs.log);
  let revision = current;
  for (const event of events) {
    revision++;
    dbs.log.putSync(position, toStoredEvent(event, streamId, revision, recordedAt));
    dbs.streams.putSync([streamId, revision], position);
    // The first occurrence wins: an id reused later must not redirect a retry of the original append.
    if (!dbs.eventIds.doesExist([streamId, event.id])) dbs.eventIds.putSync([streamId, event.id], revision);
    position++;
  }
  dbs.heads.putSync(streamId, revision);
  return { nextExpectedRevision: BigInt(revision), position: BigInt(position - 1) };
}
