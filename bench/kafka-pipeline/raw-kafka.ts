// The ceiling: kafkajs alone producing pre-built messages (the producer settings ingest uses) and one consumer
// group reading them back, on a fresh topic, with no work per message.
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type Message } from 'kafkajs';
import { runPool } from './run-pool';

export interface RawKafkaFigures {
  readonly messages: number;
  /** From the first send until every send was acknowledged (acks = all). */
  readonly produceMs: number;
  /** From the first send until the consumer had every message. */
  readonly endToEndMs: number;
}

export interface RawKafkaOptions {
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly partitions: number;
  /** Each element is one send (one ingest request's worth). */
  readonly sends: readonly Message[][];
  readonly concurrency: number;
}

export async function rawProduceConsume({ brokers, topic, partitions, sends, concurrency }: RawKafkaOptions): Promise<RawKafkaFigures> {
  const kafka = new Kafka({ clientId: 'kafka-pipeline-bench', brokers: [...brokers], logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
  await admin.disconnect();

  const total = sends.reduce((n, messages) => n + messages.length, 0);
  const consumer = kafka.consumer({ groupId: `kafka-pipeline-bench-${randomUUID()}`, allowAutoTopicCreation: false });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await Promise.all([consumer.connect(), producer.connect()]);
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    let consumed = 0;
    let allConsumed: () => void = () => undefined;
    const consumedAll = new Promise<void>((resolve) => (allConsumed = resolve));
    await consumer.run({
      partitionsConsumedConcurrently: partitions,
      eachBatch: async ({ batch }) => {
        consumed += batch.messages.length;
        if (consumed >= total) allConsumed();
      },
    });
    await joined;

    const start = performance.now();
    await runPool(sends, concurrency, (messages) => producer.send({ topic, acks: -1, messages }).then(() => undefined));
    const produceMs = performance.now() - start;
    await consumedAll;
    return { messages: total, produceMs, endToEndMs: performance.now() - start };
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
