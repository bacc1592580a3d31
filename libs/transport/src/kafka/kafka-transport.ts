import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import type { DeadLetterReader } from '../dead-letter-record';
import type { Transport, TransportConsumer, TransportProducer } from '../transport.port';
import { createKafkaConsumer } from './kafka-consumer';
import { readKafkaDeadLetters, toDeadLetterMessage } from './kafka-dead-letters';
import { toKafkaMessage } from './kafka-message-codec';
import { createKafkaSender } from './kafka-sender';
import { ensureTopics } from './kafka-topics';

export interface KafkaTransportOptions {
  readonly brokers: readonly string[];
  readonly topic?: string;
  readonly dlqTopic?: string;
  readonly partitions?: number;
  readonly replicationFactor?: number;
  readonly clientId: string;
  readonly sessionTimeoutMs?: number;
}

const CONNECTION_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 5_000;

/** Terminal events on Kafka: key = terminal id, topics created at start when absent. */
export async function createKafkaTransport({
  brokers,
  topic = 'pos.terminal-events.v1',
  dlqTopic = 'pos.terminal-events.dlq.v1',
  partitions = 12,
  replicationFactor = 1,
  clientId,
  sessionTimeoutMs,
}: KafkaTransportOptions): Promise<Transport & DeadLetterReader> {
  const client: KafkaConfig = {
    clientId,
    brokers: [...brokers],
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    logLevel: logLevel.ERROR,
  };
  const kafka = new Kafka(client);
  await ensureTopics(kafka, [
    { topic, partitions, replicationFactor },
    { topic: dlqTopic, partitions, replicationFactor },
  ]);
  const dlqSender = createKafkaSender(client);
  const producers = new Set<TransportProducer>();
  const consumers = new Set<TransportConsumer>();

  return {
    producer() {
      const sender = createKafkaSender(client);
      const producer: TransportProducer = {
        publish: (messages) => sender.send(topic, messages.map(toKafkaMessage)),
        async close() {
          producers.delete(producer);
          await sender.close();
        },
      };
      producers.add(producer);
      return producer;
    },
    consumer(options) {
      const consumer = createKafkaConsumer(kafka, { topic, partitions, sessionTimeoutMs }, options);
      consumers.add(consumer);
      return consumer;
    },
    deadLetter: (message, reason) => dlqSender.send(dlqTopic, [toDeadLetterMessage(message, reason)]),
    readDeadLetters: () => readKafkaDeadLetters(kafka, dlqTopic),
    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      await Promise.all([...producers].map((producer) => producer.close()));
      await dlqSender.close();
    },
  };
}
