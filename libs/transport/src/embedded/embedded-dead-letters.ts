import type { DeadLetterRecord } from '../dead-letter-record';
import type { DeliveredMessage } from '../transport.port';
import { toStoredMessage, type EmbeddedLog } from './embedded-log';

/** Keyed by the original coordinates, so dead-lettering a redelivered message again keeps one record. */
export async function storeDeadLetter(log: EmbeddedLog, message: DeliveredMessage, reason: string): Promise<void> {
  await log.deadLetters.put([message.partition, Number(message.offset)], {
    reason,
    message: toStoredMessage(message),
    deadLetteredAt: new Date().toISOString(),
  });
}

export function readDeadLetters(log: EmbeddedLog): DeadLetterRecord[] {
  return Array.from(log.deadLetters.getRange(), ({ key: [partition, offset], value }) => ({
    reason: value.reason,
    originalPartition: partition,
    originalOffset: BigInt(offset),
    message: value.message,
  }));
}
