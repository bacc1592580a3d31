import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage, Message } from 'kafkajs';
import type { DeadLetterRecord } from '../dead-letter-record';
import type { DeliveredMessage } from '../transport.port';
import { eventHeaders, fromKafkaMessage, headerText } from './kafka-message-codec';

const HEADER_REASON = 'dlq-reason';
const HEADER_ORIGINAL_PARTITION = 'original-partition';
const HEADER_ORIGINAL_OFFSET = 'original-offset';

/** The original key and value, the event headers, and why and from where it was dead-lettered. */
export function toDeadLetterMessage(message: DeliveredMessage, reason: string): Message {
  return {
    key: message.terminalId,
    value: message.value,
    headers: {
      ...eventHeaders(message),
      [HEADER_REASON]: reason,
      [HEADER_ORIGINAL_PARTITION]: String(message.partition),
      [HEADER_ORIGINAL_OFFSET]: message.offset.toString(),
    },
  };
}

function fromDeadLetterMessage(partition: number, message: KafkaMessage): DeadLetterRecord {
  const { terminalId, eventId, type, schemaVersion, value } = fromKafkaMessage(partition, message);
  return {
    reason: headerText(message.headers, HEADER_REASON) ?? '',
    originalPartition: Number(headerText(message.headers, HEADER_ORIGINAL_PARTITION)),
    originalOffset: BigInt(headerText(message.headers, HEADER_ORIGINAL_OFFSET) ?? '-1'),
    message: { terminalId, eventId, type, schemaVersion, value },
  };
}

/** Reads the whole dead-letter topic up to its current end with a throw-away group that commits nothing. */
export async function readKafkaDeadLetters(kafka: Kafka, dlqTopic: string): Promise<DeadLetterRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(dlqTopic).finally(() => admin.disconnect());
  const remaining = new Map(ends.filter(({ high, low }) => BigInt(high) > BigInt(low)).map(({ partition, high }) => [partition, BigInt(high)]));
  if (remaining.size === 0) return [];

  const records: DeadLetterRecord[] = [];
  const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}`, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [dlqTopic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition);
            if (end === undefined) return;
            records.push(fromDeadLetterMessage(partition, message));
            if (BigInt(message.offset) + 1n >= end) remaining.delete(partition);
            if (remaining.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}
