import type { EachBatchHandler, EachBatchPayload } from 'kafkajs';
import { retryBackoffMs } from '../retry-backoff';
import type { DeliveredBatch, DeliveredMessage } from '../transport.port';
import { fromKafkaMessage } from './kafka-message-codec';

const HEARTBEAT_EVERY_MS = 3_000;

export interface EachBatchOptions {
  readonly maxBatchSize: number;
  readonly handler: (batch: DeliveredBatch) => Promise<void>;
  /** Moves the partition's fetch position back so the failed messages are fetched again. */
  readonly seek: (topic: string, partition: number, offset: bigint) => void;
  /** Runs `resume` after the back-off; the consumer cancels pending ones when it stops. */
  readonly scheduleResume: (resume: () => void, delayMs: number) => void;
}

/**
 * Hands a fetched batch to the handler in chunks of at most maxBatchSize and commits each chunk only after
 * the handler resolved. On failure nothing is committed: the partition is paused for a back-off and sought
 * back to the failed chunk, so kafkajs fetches the same messages again while other partitions go on.
 */
export function createEachBatch({ maxBatchSize, handler, seek, scheduleResume }: EachBatchOptions): EachBatchHandler {
  const failures = new Map<number, number>();

  return async (payload: EachBatchPayload) => {
    const { topic, partition } = payload.batch;
    const messages = payload.batch.messages.map((message) => fromKafkaMessage(partition, message));
    for (let start = 0; start < messages.length; start += maxBatchSize) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = messages.slice(start, start + maxBatchSize);
      try {
        await whileHeartbeating(payload, () => handler({ partition, messages: chunk }));
      } catch {
        const failed = (failures.get(partition) ?? 0) + 1;
        failures.set(partition, failed);
        const resume = payload.pause();
        seek(topic, partition, chunk[0].offset);
        scheduleResume(resume, retryBackoffMs(failed));
        return;
      }
      failures.delete(partition);
      await commit(payload, chunk);
    }
  };
}

async function commit(payload: EachBatchPayload, chunk: readonly DeliveredMessage[]): Promise<void> {
  const last = chunk[chunk.length - 1].offset;
  payload.resolveOffset(last.toString());
  // With autoCommit off, commitOffsetsIfNecessary(offsets) commits exactly these offsets, even while stopping.
  await payload.commitOffsetsIfNecessary({
    topics: [{ topic: payload.batch.topic, partitions: [{ partition: payload.batch.partition, offset: (last + 1n).toString() }] }],
  });
  await payload.heartbeat();
}

async function whileHeartbeating(payload: EachBatchPayload, work: () => Promise<void>): Promise<void> {
  // A failed heartbeat (e.g. rebalance in progress) surfaces on the next fetch; the handler's outcome matters here.
  const timer = setInterval(() => payload.heartbeat().catch(() => undefined), HEARTBEAT_EVERY_MS);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
}
