// A projection's checkpoint is the next event position it will process; rows at or after it may be leftovers.
import type { ReadStore } from '../read-store.port';

const CREATE_PROJECTION_CHECKPOINTS = `CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name String,
  position UInt64,
  updated DateTime64(3, 'UTC') DEFAULT now64(3)
) ENGINE = ReplacingMergeTree(position) ORDER BY name`;

export async function createCheckpointTable(store: ReadStore): Promise<void> {
  await store.command(CREATE_PROJECTION_CHECKPOINTS);
}

/** 0 for a projection that never wrote a checkpoint. */
export async function readCheckpoint(store: ReadStore, name: string): Promise<bigint> {
  const [{ position }] = await store.select<{ position: string }>(
    'SELECT max(position) AS position FROM projection_checkpoints WHERE name = {name:String}',
    { name },
  );
  return BigInt(position);
}

export async function writeCheckpoint(store: ReadStore, name: string, position: bigint): Promise<void> {
  await store.insert('projection_checkpoints', [{ name, position }]);
}

/** Removes rows written for events at or after `from` whose checkpoint was never written (a crash in between). */
export async function deleteRowsFrom(store: ReadStore, tables: readonly string[], from: bigint): Promise<void> {
  for (const table of tables) {
    const [{ rows }] = await store.select<{ rows: string }>(`SELECT count() AS rows FROM ${table} WHERE position >= {from:UInt64}`, { from });
    // A mutation rewrites data parts, so it only runs when there is something to remove.
    if (rows !== '0') await store.command(`ALTER TABLE ${table} DELETE WHERE position >= {from:UInt64}`, { from });
  }
}

/** Forgets the checkpoints of projections, so that they start again from position 0. */
export async function deleteCheckpoints(store: ReadStore, names: readonly string[]): Promise<void> {
  const [{ rows }] = await store.select<{ rows: string }>('SELECT count() AS rows FROM projection_checkpoints WHERE name IN {names:Array(String)}', { names });
  if (rows !== '0') await store.command('ALTER TABLE projection_checkpoints DELETE WHERE name IN {names:Array(String)}', { names });
}
