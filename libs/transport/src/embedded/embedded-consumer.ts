import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { retryBackoffMs } from '../retry-backoff';
import type { ConsumerOptions, DeliveredBatch, TransportConsumer } from '../transport.port';
import { readPartition, type EmbeddedLog } from './embedded-log';
import type { WakeSignal } from './wake-signal';

const DEFAULT_MAX_BATCH_SIZE = 500;
// Publishes of this process (any thread) wake the loops at once; the poll only matters for other processes' publishes.
const POLL_INTERVAL_MS = 75;

type Handler = (batch: DeliveredBatch) => Promise<void>;

/** One loop per partition: read from the committed offset, hand over, commit after the handler resolved. */
export function createEmbeddedConsumer(log: EmbeddedLog, wake: WakeSignal, options: ConsumerOptions): TransportConsumer {
  const maxBatchSize = options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  const stopping = new AbortController();
  // Every partition loop listens for the stop while it waits or backs off.
  setMaxListeners(log.partitions + 1, stopping.signal);
  let loops: Promise<void>[] | undefined;

  async function consumePartition(partition: number, handler: Handler): Promise<void> {
    let next = log.groupOffsets.get([options.groupId, partition]) ?? 0;
    let failures = 0;
    while (!stopping.signal.aborted) {
      const messages = readPartition(log, partition, next, maxBatchSize);
      if (messages.length === 0) {
        await wake.wait(POLL_INTERVAL_MS, stopping.signal);
        log.root.resetReadTxn();
        continue;
      }
      try {
        await handler({ partition, messages });
        const committed = Number(messages[messages.length - 1].offset) + 1;
        // No fsync wait: a lost offset only means redelivery, and LMDB flushes commits in order.
        await log.groupOffsets.put([options.groupId, partition], committed);
        next = committed;
        failures = 0;
      } catch {
        failures += 1;
        await sleep(retryBackoffMs(failures), undefined, { signal: stopping.signal }).catch(() => undefined);
      }
    }
  }

  return {
    async start(handler) {
      if (loops) throw new Error(`consumer ${options.groupId} is already started`);
      loops = Array.from({ length: log.partitions }, (_, partition) => consumePartition(partition, handler));
    },
    async stop() {
      stopping.abort();
      await Promise.all(loops ?? []);
    },
  };
}
