import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, Kafka } from 'kafkajs';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  readonly replicationFactor: number;
}

const READY_WITHIN_MS = 30_000;

/** Creates the topics that do not exist yet, and returns once they take writes; existing ones are left as they are. */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter(({ topic }) => !existing.has(topic));
    if (missing.length === 0) return;
    // Another process creating the same topic meanwhile is fine: kafkajs resolves "already exists" as false.
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map(({ topic, partitions, replicationFactor }) => ({ topic, numPartitions: partitions, replicationFactor })),
    });
    for (const { topic } of missing) await untilLeadersServe(admin, topic);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Metadata can name a partition's leader before that broker acts as its leader: a write then fails with "This
 * server is not the leader for that topic-partition", and the senders' retries are short on purpose (ingest answers
 * 503 fast). Asking each leader for its offsets, which takes the same leadership check as a write, waits that out.
 */
async function untilLeadersServe(admin: Admin, topic: string): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  for (let delayMs = 50; ; delayMs = Math.min(delayMs * 2, 1_000)) {
    try {
      await admin.fetchTopicOffsets(topic);
      return;
    } catch (error) {
      if (Date.now() + delayMs > deadline) throw new Error(`topic ${topic}: its partitions' leaders did not serve within ${READY_WITHIN_MS} ms`, { cause: error });
      await sleep(delayMs);
    }
  }
}
