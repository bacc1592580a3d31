import { join } from 'node:path';
import type { DeadLetterReader } from './dead-letter-record';
import { createEmbeddedTransport } from './embedded/embedded-transport';
import { createKafkaTransport } from './kafka/kafka-transport';
import type { Transport } from './transport.port';

export interface TransportConfig {
  readonly kafkaBrokers?: readonly string[];
  readonly dataDir: string;
  readonly partitions?: number;
  /** Kafka only: the terminal-events topic and its dead-letter topic (the adapter's defaults when absent). */
  readonly topic?: string;
  readonly dlqTopic?: string;
  /** Kafka only: the consumer group's session timeout. */
  readonly kafkaSessionTimeoutMs?: number;
}

/** Kafka when brokers are configured, else the embedded log under `<dataDir>/transport`. */
export function createTransport({ kafkaBrokers, dataDir, partitions, topic, dlqTopic, kafkaSessionTimeoutMs }: TransportConfig): Promise<Transport & DeadLetterReader> {
  if (kafkaBrokers && kafkaBrokers.length > 0) {
    return createKafkaTransport({ brokers: kafkaBrokers, partitions, topic, dlqTopic, clientId: 'posledger', sessionTimeoutMs: kafkaSessionTimeoutMs });
  }
  return createEmbeddedTransport({ path: join(dataDir, 'transport'), partitions });
}
