import type { RecordedEvent } from '@posledger/event-store';
import type { ReadStore } from '../read-store.port';
import type { Projection } from './projection';
import { writeCheckpoint } from './projection-checkpoints';

/** Inserts a batch's rows, then its checkpoint (the position after its last event). */
export async function writeBatch(readStore: ReadStore, projection: Projection, events: readonly RecordedEvent[], checkpoint: bigint): Promise<void> {
  const rowsByTable = await projection.project(events);
  const tables = Object.keys(rowsByTable);
  const undeclared = tables.filter((table) => !projection.tables.includes(table));
  if (undeclared.length > 0) {
    // Rows in an undeclared table would escape the clean-up of a failed batch and be duplicated.
    throw new Error(`projection '${projection.name}' returned rows for ${undeclared.join(', ')}, not among its tables (${projection.tables.join(', ')})`);
  }
  await Promise.all(tables.map((table) => readStore.insert(table, rowsByTable[table])));
  await writeCheckpoint(readStore, projection.name, checkpoint);
}
