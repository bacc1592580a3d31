/**
 * lmdb-js rejects, besides the promise of a write that failed to commit (which our callers await and answer with
 * 503), two internal promises nobody can reach: the transaction's flush and `error.commitError`. Node treats those
 * as unhandled and ends the process, so a full disk would kill the platform although every caller handled the
 * failure. This handler absorbs exactly those (logged once per burst) and leaves every other unhandled rejection
 * to Node's default: end the process.
 */
const COMMIT_FAILED = 'Commit failed (see commitError for details)';
const QUIET_MS = 10_000;

function isLmdbCommitFailure(reason: unknown): boolean {
  if (!(reason instanceof Error)) return false;
  if (reason.message === COMMIT_FAILED) return true;
  // The commitError itself: the OS error the write thread met (ENOSPC = 28, EIO = 5, EDQUOT = 122), or LMDB's panic.
  const code = (reason as { code?: unknown }).code;
  return /^(No space left on device|Input\/output error|Disk quota exceeded|MDB_PANIC)/.test(reason.message) && typeof code === 'number';
}

/** A failed commit whose cause is MDB_PANIC: the handle must be closed and opened again. */
export async function isLmdbPanic(error: unknown): Promise<boolean> {
  if (!(error instanceof Error)) return false;
  if (error.message.startsWith('MDB_PANIC')) return true;
  const cause = await (error as { commitError?: Promise<unknown> }).commitError?.catch((e: unknown) => e);
  return cause instanceof Error && cause.message.startsWith('MDB_PANIC');
}

let installed = false;

export function absorbLmdbCommitFailures(warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`)): void {
  if (installed) return;
  installed = true;
  let lastWarnedAt = 0;
  process.on('unhandledRejection', (reason) => {
    if (!isLmdbCommitFailure(reason)) throw reason;
    const now = Date.now();
    if (now - lastWarnedAt < QUIET_MS) return;
    lastWarnedAt = now;
    warn(`WARN embedded store write failed (the caller answered 503 and retries): ${(reason as Error).message}`);
  });
}
