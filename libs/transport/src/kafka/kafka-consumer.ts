import type { Kafka } from 'kafkajs';
import type { ConsumerOptions, TransportConsumer } from '../transport.port';
import { createEachBatch } from './kafka-each-batch';

const DEFAULT_MAX_BATCH_SIZE = 500;
// How long a fetch may wait on the broker for data. A resumed partition and stop() both wait for the fetch in
// flight, so this bounds the redelivery delay after a back-off and the time to stop (kafkajs default: 5 s).
const MAX_FETCH_WAIT_MS = 250;

export interface KafkaConsumerSettings {
  readonly topic: string;
  readonly partitions: number;
  /** How long the group waits for a consumer that stopped heartbeating (a killed ledger) before rebalancing. */
  readonly sessionTimeoutMs?: number;
}

export function createKafkaConsumer(kafka: Kafka, { topic, partitions, sessionTimeoutMs = 30_000 }: KafkaConsumerSettings, options: ConsumerOptions): TransportConsumer {
  const consumer = kafka.consumer({
    groupId: options.groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: MAX_FETCH_WAIT_MS,
    sessionTimeout: sessionTimeoutMs,
    heartbeatInterval: Math.floor(sessionTimeoutMs / 3),
  });
  const pendingResumes = new Set<NodeJS.Timeout>();
  let started = false;

  return {
    async start(handler) {
      if (started) throw new Error(`consumer ${options.groupId} is already started`);
      started = true;
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: partitions,
        eachBatch: createEachBatch({
          maxBatchSize: options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
          handler,
          seek: (seekTopic, partition, offset) => consumer.seek({ topic: seekTopic, partition, offset: offset.toString() }),
          scheduleResume(resume, delayMs) {
            const timer = setTimeout(() => {
              pendingResumes.delete(timer);
              resume();
            }, delayMs);
            pendingResumes.add(timer);
          },
        }),
      });
    },
    async stop() {
      for (const timer of pendingResumes) clearTimeout(timer);
      pendingResumes.clear();
      // disconnect stops fetching, waits for the in-flight batches (which commit what they finished), then leaves the group.
      await consumer.disconnect();
    },
  };
}
