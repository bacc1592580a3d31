// The transport port: terminal events from ingest to the ledger, ordered per terminal, at-least-once.

export const TERMINAL_EVENTS_SCHEMA_VERSION = 1;

export interface TransportMessage {
  /** Partition key: every message of one terminal keeps its order. */
  readonly terminalId: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** UTF-8 JSON of the (scrubbed) terminal event envelope published by ingest. */
  readonly value: string;
}

export interface DeliveredMessage extends TransportMessage {
  readonly partition: number;
  /** Offset within the partition (bigint, monotonic). */
  readonly offset: bigint;
}

export interface TransportProducer {
  /** Resolves only once the transport holds every message durably; rejects (taking nothing for sure) otherwise. */
  publish(messages: readonly TransportMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface DeliveredBatch {
  readonly partition: number;
  readonly messages: readonly DeliveredMessage[];
}

export interface ConsumerOptions {
  readonly groupId: string;
  readonly maxBatchSize?: number;
}

/**
 * Delivers batches in offset order per partition. A batch's offsets are committed only after the handler
 * resolves; if it rejects, the same messages are delivered again (after a back-off). Never two batches of one
 * partition at once.
 */
export interface TransportConsumer {
  start(handler: (batch: DeliveredBatch) => Promise<void>): Promise<void>;
  /** Stops fetching, waits for in-flight batches, commits what they finished. */
  stop(): Promise<void>;
}

export interface Transport {
  producer(): TransportProducer;
  consumer(options: ConsumerOptions): TransportConsumer;
  /** Sends a message that can never be processed to the dead-letter destination, with its reason. */
  deadLetter(message: DeliveredMessage, reason: string): Promise<void>;
  close(): Promise<void>;
}
