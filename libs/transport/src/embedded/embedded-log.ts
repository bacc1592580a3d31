import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database, RootDatabase } from 'lmdb';
import { openLmdbEnvironment } from '@posledger/lmdb-env';
import type { DeliveredMessage, TransportMessage } from '../transport.port';

type MessageKey = [partition: number, offset: number];
type GroupOffsetKey = [groupId: string, partition: number];

interface StoredMessage {
  readonly terminalId: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly value: string;
}

export interface StoredDeadLetter {
  readonly reason: string;
  readonly message: StoredMessage;
  readonly deadLetteredAt: string;
}

/** The LMDB environment behind the embedded transport: the log, consumer-group offsets, dead letters. */
export interface EmbeddedLog {
  readonly root: RootDatabase<unknown, string>;
  readonly partitions: number;
  readonly messages: Database<StoredMessage, MessageKey>;
  readonly groupOffsets: Database<number, GroupOffsetKey>;
  readonly deadLetters: Database<StoredDeadLetter, MessageKey>;
}

const PARTITIONS_KEY = 'partitions';

export async function openEmbeddedLog(path: string, partitions: number): Promise<EmbeddedLog> {
  if (!Number.isInteger(partitions) || partitions < 1) throw new Error(`partitions must be a positive integer, got ${partitions}`);
  await mkdir(path, { recursive: true });
  const root = openLmdbEnvironment<unknown, string>({ path: join(path, 'log.mdb') });
  const meta = root.openDB<number, string>({ name: 'meta' });
  const stored = meta.get(PARTITIONS_KEY);
  if (stored === undefined) {
    await meta.put(PARTITIONS_KEY, partitions);
  } else if (stored !== partitions) {
    await root.close();
    // Changing the count would move terminals to other partitions and break their order.
    throw new Error(`the transport at ${path} has ${stored} partitions, not ${partitions}`);
  }
  return {
    root,
    partitions,
    messages: root.openDB<StoredMessage, MessageKey>({ name: 'messages' }),
    groupOffsets: root.openDB<number, GroupOffsetKey>({ name: 'group-offsets' }),
    deadLetters: root.openDB<StoredDeadLetter, MessageKey>({ name: 'dead-letters' }),
  };
}

/** The offset the next message of `partition` gets; call inside the write transaction that appends. */
export function nextOffset(log: EmbeddedLog, partition: number): number {
  for (const [, offset] of log.messages.getKeys({ start: [partition, Number.MAX_SAFE_INTEGER], end: [partition, -1], reverse: true, limit: 1 })) {
    return offset + 1;
  }
  return 0;
}

export function readPartition(log: EmbeddedLog, partition: number, fromOffset: number, limit: number): DeliveredMessage[] {
  const range = log.messages.getRange({ start: [partition, fromOffset], end: [partition, Number.MAX_SAFE_INTEGER], limit });
  // Not `{ ...value, partition, offset }`: properties added after a spread take V8's slow path, per message read.
  return Array.from(range, ({ key: [, offset], value }) => Object.assign({}, value, { partition, offset: BigInt(offset) }));
}

export function toStoredMessage(message: TransportMessage): StoredMessage {
  return {
    terminalId: message.terminalId,
    eventId: message.eventId,
    type: message.type,
    schemaVersion: message.schemaVersion,
    value: message.value,
  };
}
