// A projection's checkpoint is the next event position it will process; rows at or after it may be leftovers.
import type { ReadStore } from '../read-store.port';
import type { Projection } from './projection';

const CREATE_PROJECTION_CHECKPOINTS = `CREATE TABLE IF NOT EXISTS projection_checkpoints (
  name String,
  position UInt64,
  updated DateTime64(3, 'UTC') DEFAULT now64(3)
) ENGINE = ReplacingMergeTree(position) ORDER BY name`;

export interface Checkpoint {
  readonly name: string;
  readonly position: bigint;
}

export async function createCheckpointTable(store: ReadStore): Promise<void> {
  await store.command(CREATE_PROJECTION_CHECKPOINTS);
}

/** Each name's checkpoint, in order; 0 for a projection that never wrote one. */
export async function readCheckpoints(store: ReadStore, names: readonly string[]): Promise<bigint[]> {
  const rows = await store.select<{ name: string; position: string }>(
    'SELECT name, max(position) AS position FROM projection_checkpoints WHERE name IN {names:Array(String)} GROUP BY name',
    { names },
  );
  const positions = new Map(rows.map((row) => [row.name, BigInt(row.position)]));
  return names.map((name) => positions.get(name) ?? 0n);
}

/** One INSERT, so one data part, however many projections advance. */
export async function writeCheckpoints(store: ReadStore, checkpoints: readonly Checkpoint[]): Promise<void> {
  await store.insert(
    'projection_checkpoints',
    checkpoints.map(({ name, position }) => ({ name, position: position.toString() })),
  );
}

/** Removes rows written for events at or after `from` whose checkpoint was never written (a crash in between). */
async function deleteRowsFrom(store: ReadStore, tables: readonly string[], from: bigint): Promise<void> {
  for (const table of tables) {
    const [{ rows }] = await store.select<{ rows: string }>(`SELECT count() AS rows FROM ${table} WHERE position >= {from:UInt64}`, { from });
    // A mutation rewrites data parts, so it only runs when there is something to remove.
    if (rows !== '0') await store.command(`ALTER TABLE ${table} DELETE WHERE position >= {from:UInt64}`, { from });
  }
}

/**
 * Each projection's checkpoint, read back rather than trusted from memory (a checkpoint insert that failed in
 * flight may still have been written), after removing the rows its tables hold at or after it.
 */
export async function resumePositions(store: ReadStore, projections: readonly Projection[]): Promise<bigint[]> {
  const positions = await readCheckpoints(store, projections.map((projection) => projection.name));
  await Promise.all(projections.map((projection, i) => deleteRowsFrom(store, projection.tables, positions[i])));
  return positions;
}

/** Forgets the checkpoints of projections, so that they start again from position 0. */
export async function deleteCheckpoints(store: ReadStore, names: readonly string[]): Promise<void> {
  const [{ rows }] = await store.select<{ rows: string }>('SELECT count() AS rows FROM projection_checkpoints WHERE name IN {names:Array(String)}', { names });
  if (rows !== '0') await store.command('ALTER TABLE projection_checkpoints DELETE WHERE name IN {names:Array(String)}', { names });
}
