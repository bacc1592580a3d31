import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { DeliveredMessage, TransportMessage } from '../transport.port';

export const HEADER_EVENT_ID = 'event-id';
export const HEADER_EVENT_TYPE = 'event-type';
export const HEADER_SCHEMA_VERSION = 'schema-version';

export function eventHeaders(message: TransportMessage): IHeaders {
  return {
    [HEADER_EVENT_ID]: message.eventId,
    [HEADER_EVENT_TYPE]: message.type,
    [HEADER_SCHEMA_VERSION]: String(message.schemaVersion),
  };
}

export function toKafkaMessage(message: TransportMessage): Message {
  return { key: message.terminalId, value: message.value, headers: eventHeaders(message) };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first?.toString('utf8');
}

/**
 * Lenient on purpose: a message without our headers is still delivered (with empty fields) so the handler
 * can dead-letter it; throwing here would block its partition for good.
 */
export function fromKafkaMessage(partition: number, message: KafkaMessage): DeliveredMessage {
  return {
    terminalId: message.key?.toString('utf8') ?? '',
    eventId: headerText(message.headers, HEADER_EVENT_ID) ?? '',
    type: headerText(message.headers, HEADER_EVENT_TYPE) ?? '',
    schemaVersion: Number(headerText(message.headers, HEADER_SCHEMA_VERSION) ?? 0),
    value: message.value?.toString('utf8') ?? '',
    partition,
    offset: BigInt(message.offset),
  };
}
