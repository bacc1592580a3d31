import type { DeadLetterReader } from '../dead-letter-record';
import type { Transport, TransportConsumer } from '../transport.port';
import { createEmbeddedConsumer } from './embedded-consumer';
import { readDeadLetters, storeDeadLetter } from './embedded-dead-letters';
import { openEmbeddedLog } from './embedded-log';
import { createEmbeddedProducer } from './embedded-producer';
import { openThreadSignal } from '@posledger/lmdb-env';
import { createWakeSignal } from './wake-signal';

export interface EmbeddedTransportOptions {
  /** Directory of the LMDB environment (created if absent). */
  readonly path: string;
  readonly partitions?: number;
}

/**
 * A durable log on LMDB for one machine. Consumer groups are not coordinated across processes: run one
 * consumer per group per data directory (publishing from several processes is fine).
 */
export async function createEmbeddedTransport({ path, partitions = 12 }: EmbeddedTransportOptions): Promise<Transport & DeadLetterReader> {
  const log = await openEmbeddedLog(path, partitions);
  const local = createWakeSignal();
  const published = openThreadSignal('transport', path, () => local.notify());
  const wake = { ...local, notify: () => (local.notify(), published.post()) };
  const consumers = new Set<TransportConsumer>();

  return {
    producer: () => createEmbeddedProducer(log, wake),
    consumer(options) {
      const consumer = createEmbeddedConsumer(log, wake, options);
      consumers.add(consumer);
      return consumer;
    },
    deadLetter: (message, reason) => storeDeadLetter(log, message, reason),
    readDeadLetters: async () => readDeadLetters(log),
    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      published.close();
      await log.root.close();
    },
  };
}
