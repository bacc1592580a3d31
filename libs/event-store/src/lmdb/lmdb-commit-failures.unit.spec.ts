import { isLmdbPanic } from './lmdb-commit-failures';

/** What lmdb-js rejects a failed commit with: a generic error whose `commitError` holds the cause. */
function commitFailure(cause: Error): Error {
  const error = new Error('Commit failed (see commitError for details)') as Error & { commitError: Promise<never> };
  error.commitError = Promise.reject(cause);
  return error;
}

describe('LMDB commit failures', () => {
  it('tells a panicked environment (reopen it) from other commit failures', async () => {
    const panic = Object.assign(new Error('MDB_PANIC: Update of meta page failed or environment had fatal error'), { code: -30795 });
    const full = Object.assign(new Error('No space left on device: Attempting to write page'), { code: 28 });
    expect(await isLmdbPanic(commitFailure(panic))).toBe(true);
    expect(await isLmdbPanic(panic)).toBe(true);
    expect(await isLmdbPanic(commitFailure(full))).toBe(false);
    expect(await isLmdbPanic(new Error('MDB_KEYEXIST'))).toBe(false);
    expect(await isLmdbPanic('MDB_PANIC')).toBe(false);
  });
});
