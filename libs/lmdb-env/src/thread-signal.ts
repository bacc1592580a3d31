import { resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';

export interface ThreadSignal {
  /** Tells the other threads of this process that opened the same signal. */
  post(): void;
  close(): void;
}

/**
 * A wake-up between the threads of one process that share an LMDB environment (`posledger start` runs its apps on
 * worker threads): a commit on one thread wakes the readers on another at once instead of at their next poll. Other
 * processes still find the commit by polling. The channel does not keep the process alive.
 */
export function openThreadSignal(kind: string, path: string, onSignal: () => void): ThreadSignal {
  const channel = new BroadcastChannel(`posledger:${kind}:${resolve(path)}`);
  channel.onmessage = () => onSignal();
  channel.unref();
  return {
    post: () => channel.postMessage(null),
    close: () => channel.close(),
  };
}
