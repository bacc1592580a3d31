export * from './transport.port';
export { TransportUnavailableError } from './transport-unavailable.error';
export type { DeadLetterReader, DeadLetterRecord } from './dead-letter-record';
export { createEmbeddedTransport, type EmbeddedTransportOptions } from './embedded/embedded-transport';
export { createKafkaTransport, type KafkaTransportOptions } from './kafka/kafka-transport';
export { createTransport, type TransportConfig } from './create-transport';
