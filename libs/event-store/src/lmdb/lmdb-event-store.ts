import { mkdir } from 'node:fs/promises';
import type { EventStore, NewEvent, RecordedEvent, RecordedEventData, SubscribeOptions, Subscription, SubscriptionHandler } from '../event-store.port';
import { ExpectedVersionConflictError } from '../expected-version-conflict.error';
import { createSubscriptionRegistry } from '../subscription/subscription-registry';
import { defaultCatchUpOptions, startCatchUpSubscription } from '../subscription/catch-up-subscription';
import { assertAppendable } from '../append-arguments';
import { appendInTransaction, nextPosition } from './lmdb-append';
import { openThreadSignal } from '@posledger/lmdb-env';
import { isLmdbPanic } from './lmdb-commit-failures';
import { openLmdbDatabases } from './lmdb-databases';
import { decodeStoredData, decodeStoredEvent, decodeStoredHeader, encodeNewEvent, type StoredEvent } from './lmdb-records';

export interface LmdbEventStoreOptions {
  /** Directory of the LMDB environment; created if missing. Several processes may open the same one. */
  readonly path: string;
}

/**
 * The embedded event store: one LMDB environment. Appends are async LMDB transactions, so appends issued in the
 * same event-loop turn share one commit and one fsync; the promise resolves only once that commit is on disk
 * (see openLmdbEnvironment for why the flush is not overlapped with the next commit).
 */
export async function createLmdbEventStore({ path }: LmdbEventStoreOptions): Promise<EventStore> {
  await mkdir(path, { recursive: true });
  let { root, dbs } = openLmdbDatabases(path);
  /**
   * LMDB's documented remedy for MDB_PANIC (this process's handle is unusable, e.g. after another process died
   * holding the write lock): close the environment and open it again. The failed append is still refused, and its
   * caller retries on the new handle.
   */
  const reopenIfPanicked = async (error: unknown): Promise<void> => {
    if (!(await isLmdbPanic(error))) return;
    await root.close().catch(() => undefined);
    ({ root, dbs } = openLmdbDatabases(path));
  };
  const appendListeners = new Set<() => void>();
  const appended = openThreadSignal('event-store', path, () => appendListeners.forEach((listener) => listener()));
  const subscriptions = createSubscriptionRegistry();

  const logEntry = (position: number): RecordedEvent => {
    const stored = dbs.log.get(position);
    if (stored === undefined) throw new Error(`event store at ${path}: stream index points at missing position ${position}`);
    return decodeStoredEvent(position, stored);
  };

  const readLog = <T>(fromPosition: bigint, maxCount: number, decode: (position: number, stored: StoredEvent) => T): T[] =>
    maxCount <= 0 ? [] : Array.from(dbs.log.getRange({ start: Number(fromPosition), limit: maxCount }), ({ key, value }) => decode(key, value));
  const readAll = (fromPosition: bigint, maxCount: number): RecordedEvent[] => readLog(fromPosition, maxCount, decodeStoredEvent);
  const readAllData = (fromPosition: bigint, maxCount: number): RecordedEventData[] => readLog(fromPosition, maxCount, decodeStoredData);

  const onAppend = (listener: () => void): (() => void) => {
    appendListeners.add(listener);
    return () => {
      appendListeners.delete(listener);
    };
  };

  const subscribe = <P, E extends RecordedEventData>(
    read: (fromPosition: bigint, maxCount: number) => E[],
    { fromPosition, maxBatchSize = defaultCatchUpOptions.maxBatchSize, prepare }: SubscribeOptions<P, E>,
    handler: SubscriptionHandler<P, E>,
  ): Subscription => {
    const source = { readAll: async (from: bigint, max: number) => read(from, max), onAppend };
    return subscriptions.track(startCatchUpSubscription(source, { ...defaultCatchUpOptions, fromPosition, maxBatchSize, prepare }, handler));
  };

  return {
    async readStream(streamId, fromRevision = 0n, maxCount?: number) {
      const range = dbs.streams.getRange({ start: [streamId, Number(fromRevision)], end: [streamId, Number.MAX_SAFE_INTEGER], limit: maxCount });
      return Array.from(range, ({ value }) => logEntry(value));
    },

    async appendToStream(streamId: string, events: readonly NewEvent[], expectedRevision) {
      assertAppendable(streamId, events);
      const encoded = events.map(encodeNewEvent);
      const outcome = await root.transaction(() => appendInTransaction(dbs, streamId, encoded, expectedRevision)).catch(async (error: unknown) => {
        await reopenIfPanicked(error);
        throw error;
      });
      if (outcome.kind === 'conflict') throw new ExpectedVersionConflictError(streamId, String(expectedRevision), outcome.actual);
      if (outcome.kind === 'written') {
        appendListeners.forEach((listener) => listener());
        appended.post();
      }
      return outcome.result;
    },

    async readAll({ fromPosition, maxCount }) {
      return readAll(fromPosition, maxCount);
    },

    async readAllHeaders({ fromPosition, maxCount }) {
      return readLog(fromPosition, maxCount, decodeStoredHeader);
    },

    async readAllData({ fromPosition, maxCount }) {
      return readAllData(fromPosition, maxCount);
    },

    subscribeToAll(options, handler) {
      return subscribe(readAll, options, handler);
    },

    subscribeToAllData(options, handler) {
      return subscribe(readAllData, options, handler);
    },

    async headPosition() {
      return BigInt(nextPosition(dbs.log));
    },

    async streamExists(streamId) {
      return dbs.heads.doesExist(streamId);
    },

    async close() {
      appended.close();
      await subscriptions.closeAll();
      await root.close();
    },
  };
}
