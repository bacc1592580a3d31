import type { TransportMessage, TransportProducer } from '../transport.port';
import { TransportUnavailableError } from '../transport-unavailable.error';
import { nextOffset, toStoredMessage, type EmbeddedLog } from './embedded-log';
import { partitionForTerminal } from './partition-for-terminal';
import type { WakeSignal } from './wake-signal';

export function createEmbeddedProducer(log: EmbeddedLog, wake: WakeSignal): TransportProducer {
  let closed = false;
  return {
    async publish(messages: readonly TransportMessage[]) {
      if (closed) throw new Error('the producer is closed');
      if (messages.length === 0) return;
      try {
        await log.root.transaction(() => append(log, messages));
        // Commits resolve when visible; with LMDB's overlapping sync the fsync may still be running.
        await log.root.flushed;
      } catch (error) {
        throw new TransportUnavailableError('the embedded transport could not store the batch', { cause: error });
      }
      wake.notify();
    },
    async close() {
      closed = true;
    },
  };
}

// Runs inside the write transaction, so offsets stay dense and unique even with other processes appending.
function append(log: EmbeddedLog, messages: readonly TransportMessage[]): void {
  const heads = new Map<number, number>();
  for (const message of messages) {
    const partition = partitionForTerminal(message.terminalId, log.partitions);
    const offset = heads.get(partition) ?? nextOffset(log, partition);
    log.messages.putSync([partition, offset], toStoredMessage(message));
    heads.set(partition, offset + 1);
  }
}
