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

/**
 * Positions only grow, so the log is written with MDB_APPEND: no search for the place, and full pages rather than
 * pages split in half. LMDB refuses (and lmdb-js returns false for) a key that is not past the last.
 */
const AT_THE_END = { append: true } as const;
/** MDB_NOOVERWRITE: one write that keeps an existing entry, rather than a lookup and then a write. */
const IF_ABSENT = { noOverwrite: true } as const;

/** Within a write transaction lmdb-js's putSync returns whether it wrote; its declaration says void. */
const wrote = (result: void): boolean => (result as unknown) === true;

class LogOutOfOrderError extends Error {
  constructor(position: number) {
    super(`event store log: position ${position} is not past the log's last entry`);
    this.name = 'LogOutOfOrderError';
  }
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
    if (!wrote(dbs.log.putSync(position, toStoredEvent(event, streamId, revision, recordedAt), AT_THE_END))) throw new LogOutOfOrderError(position);
    dbs.streams.putSync([streamId, revision], position);
    // The first occurrence wins: an id reused later must not redirect a retry of the original append.
    dbs.eventIds.putSync([streamId, event.id], revision, IF_ABSENT);
    position++;
  }
  dbs.heads.putSync(streamId, revision);
  return { nextExpectedRevision: BigInt(revision), position: BigInt(position - 1) };
}
