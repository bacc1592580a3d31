import { Kafka, KafkaJSProtocolError, Partitioners, type KafkaConfig, type Message } from 'kafkajs';
import { TransportUnavailableError } from '../transport-unavailable.error';

const ACKS_ALL = -1;
const SEND_TIMEOUT_MS = 3_000;
// Short on purpose, for connecting as well as sending: ingest must answer 503 within seconds rather than hold
// the terminal's request. Consumers and admin keep the kafkajs defaults on their own client.
const SEND_RETRY = { retries: 2, initialRetryTime: 100, maxRetryTime: 1_000 };
// Bounds a send to a broker that accepts connections but does not answer; the abandoned send may still land,
// which at-least-once delivery with deterministic event ids tolerates.
const SEND_DEADLINE_MS = 5_000;

export interface KafkaSender {
  /** Resolves once every in-sync replica has the messages; rejects with TransportUnavailableError when the broker cannot take them. */
  send(topic: string, messages: Message[]): Promise<void>;
  close(): Promise<void>;
}

/** An idempotent producer, on its own client, that connects on first use and again after a failed connect. */
export function createKafkaSender(client: KafkaConfig): KafkaSender {
  const producer = new Kafka({ ...client, retry: SEND_RETRY }).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: SEND_RETRY,
  });
  let connected: Promise<void> | undefined;

  function connect(): Promise<void> {
    connected ??= producer.connect().catch((error: unknown) => {
      connected = undefined;
      throw error;
    });
    return connected;
  }

  return {
    async send(topic, messages) {
      if (messages.length === 0) return;
      try {
        await withinDeadline(async () => {
          await connect();
          await producer.send({ topic, messages, acks: ACKS_ALL, timeout: SEND_TIMEOUT_MS });
        });
      } catch (error) {
        throw toSendError(error);
      }
    },
    async close() {
      await producer.disconnect();
    },
  };
}

/** The broker's definite refusal of the request itself (e.g. too large) stays as it is; anything else is unavailability. */
function toSendError(error: unknown): Error {
  if (error instanceof KafkaJSProtocolError && !error.retriable) return error;
  return new TransportUnavailableError('Kafka did not take the batch', { cause: error });
}

async function withinDeadline(work: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Kafka within ${SEND_DEADLINE_MS} ms`)), SEND_DEADLINE_MS);
  });
  try {
    await Promise.race([work(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
