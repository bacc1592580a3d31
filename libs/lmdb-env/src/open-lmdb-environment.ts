import { open, type Key, type RootDatabase, type RootDatabaseOptionsWithPath } from 'lmdb';

/**
 * Opens an LMDB environment that several processes share, any of which may be SIGKILLed. Every environment of the
 * platform is opened here, so that all processes on one path open it with the same flags.
 *
 * `overlappingSync` is off. With lmdb-js's default (on for Linux), a commit is flushed after the write lock is
 * released, under a second, shared flush lock; a large commit takes that lock while its own write transaction is
 * still open, and if the lock's previous owner was a process killed mid-flush, LMDB's dead-owner recovery mistakes
 * the open transaction for the dead one and marks this process's environment MDB_PANIC for good (seen with
 * lmdb 3.5: a ledger process restarted after a SIGKILL panicked on its first batch). Off, each commit is flushed
 * under the write lock, the robust write mutex recovers from a dead owner, and an acknowledged write is on disk.
 */
export function openLmdbEnvironment<V = unknown, K extends Key = Key>(options: RootDatabaseOptionsWithPath): RootDatabase<V, K> {
  return open<V, K>({ ...options, overlappingSync: false });
}
