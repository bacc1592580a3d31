import { setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';

export interface EventuallyOptions {
  /** How long to keep probing; 5,000 ms by default. A test with a longer Jest timeout passes its own. */
  readonly timeoutMs?: number;
  /** The pause between two probes; 50 ms by default. */
  readonly intervalMs?: number;
  /** What is awaited, in words: the error on timeout names it. */
  readonly what?: string;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_INTERVAL_MS = 50;
/** A last value longer than this is cut in the error, so a timeout over a large read stays readable. */
const MAX_SHOWN_CHARACTERS = 10_000;

/**
 * Probes until `check` passes and returns that value. The probe runs at least once, and once more at the
 * deadline; an error it throws ends the wait at once. On timeout the error names `what` and shows the last value.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  check: (value: T) => boolean,
  { timeoutMs = DEFAULT_TIMEOUT_MS, intervalMs = DEFAULT_INTERVAL_MS, what = 'the condition' }: EventuallyOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let probes = 1; ; probes++) {
    const value = await probe();
    if (check(value)) return value;
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms (${probes} probes) waiting for ${what}; last value: ${shown(value)}`);
    await sleep(Math.min(intervalMs, left));
  }
}

/** Waits until `condition` holds; on timeout the error names `what`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, options?: EventuallyOptions): Promise<void> {
  await eventually(condition, (met) => met, options);
}

/** JSON, with bigints as `123n`; what JSON cannot write (undefined, a cycle) as Node prints it. */
function shown(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item));
  } catch {
    text = undefined;
  }
  text ??= inspect(value, { depth: 5 });
  return text.length <= MAX_SHOWN_CHARACTERS ? text : `${text.slice(0, MAX_SHOWN_CHARACTERS)}… (${text.length - MAX_SHOWN_CHARACTERS} more characters)`;
}
