// The Kafka messages the platform publishes for a batch: ingest's envelope as value, terminal id as key, event headers.
import { encodeEnvelope, parseTerminalEventBatch } from '@posledger/domain';
import { TERMINAL_EVENTS_SCHEMA_VERSION } from '@posledger/transport';
import type { Message } from 'kafkajs';
import { toKafkaMessage } from '../../libs/transport/src/kafka/kafka-message-codec';
import type { TerminalBatch } from './bench-traffic';

export function kafkaMessagesOf({ terminal, events }: TerminalBatch, receivedAt: string): Message[] {
  const parsed = parseTerminalEventBatch({ events });
  if (!parsed.ok) throw new Error(`bench traffic fails the schema: ${JSON.stringify(parsed.errors)}`);
  return parsed.events.map((event) =>
    toKafkaMessage({
      terminalId: terminal.terminalId,
      eventId: event.eventId,
      type: event.type,
      schemaVersion: TERMINAL_EVENTS_SCHEMA_VERSION,
      value: encodeEnvelope({ event, panMasked: false, receivedAt }),
    }),
  );
}
