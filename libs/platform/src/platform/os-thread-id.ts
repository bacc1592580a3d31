import { readlinkSync } from 'node:fs';

/**
 * The calling thread's id as the operating system knows it (Linux links `/proc/thread-self` to `PID/task/TID`),
 * undefined where there is no such link. Node 20 gives its threads no names, so this id is how `top -H -p PID`, or
 * `/proc/PID/task/TID/stat`, tells one app's thread from another's.
 */
export function osThreadId(): number | undefined {
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isSafeInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}
