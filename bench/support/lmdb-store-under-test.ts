// Our LMDB event store as a store under test.
import { join } from 'node:path';
import { createLmdbEventStore, type EventStore } from '../../libs/event-store/src';
import { directoryBytes, READ_ALL_PAGE, type StoreKind, type StoreUnderTest } from './store-under-test';

/** An LMDB event store at `path` (bare or wrapped) behind the calls the benches make. */
export function lmdbUnderTest(store: EventStore, path: string): StoreUnderTest {
  return {
    async append(id, events, expected) {
      return (await store.appendToStream(id, events, expected ?? 'no_stream')).nextExpectedRevision;
    },
    async readStream(id) {
      return (await store.readStream(id)).length;
    },
    async readAll() {
      let read = 0;
      for (let next = 0n; ; ) {
        const page = await store.readAll({ fromPosition: next, maxCount: READ_ALL_PAGE });
        if (page.length === 0) return read;
        read += page.length;
        next = page[page.length - 1].position + 1n;
      }
    },
    async bytesOnDisk() {
      return directoryBytes(path);
    },
    close: () => store.close(),
  };
}

export function lmdbKind(label: string, wrap: (store: EventStore) => EventStore): StoreKind {
  return {
    label,
    settings: 'one LMDB environment (lmdb-js, overlappingSync off: each commit fsynced before its appends resolve); appends issued in one event-loop turn share one commit',
    async open(dir) {
      const path = join(dir, 'event-store');
      return lmdbUnderTest(wrap(await createLmdbEventStore({ path })), path);
    },
  };
}
