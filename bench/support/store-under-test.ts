// One event store as the peers bench drives it: ours and Emmett's behind the same few calls.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NewEvent } from '../../libs/event-store/src';

export const READ_ALL_PAGE = 1_000;

/** One store under test; versions are the store's own (undefined: the stream does not exist yet). */
export interface StoreUnderTest {
  append(streamId: string, events: readonly NewEvent[], expected: bigint | undefined): Promise<bigint>;
  /** Number of events in the stream, read whole. */
  readStream(streamId: string): Promise<number>;
  /** Number of events read from the start of the global log, page by page. */
  readAll(): Promise<number>;
  bytesOnDisk(): Promise<number>;
  close(): Promise<void>;
}

export interface StoreKind {
  readonly label: string;
  readonly settings: string;
  open(dir: string): Promise<StoreUnderTest>;
}

export function directoryBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}
