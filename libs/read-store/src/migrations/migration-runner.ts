import type { ReadStore } from '../read-store.port';
import type { Migration } from './migration';
import { MigrationNameMismatchError } from './migration-name-mismatch.error';

export interface MigrationRun {
  /** Versions applied by this run, in order ([] when the schema was already current). */
  readonly applied: readonly number[];
}

const CREATE_SCHEMA_MIGRATIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version UInt32,
  name String,
  applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
) ENGINE = ReplacingMergeTree ORDER BY version`;

export async function runMigrations(store: ReadStore, migrations: readonly Migration[]): Promise<MigrationRun> {
  const ordered = inVersionOrder(migrations);
  await store.command(CREATE_SCHEMA_MIGRATIONS);
  const recorded = await store.select<{ version: number; name: string }>('SELECT version, name FROM schema_migrations FINAL');
  const recordedNames = new Map(recorded.map((row) => [row.version, row.name]));
  for (const migration of ordered) {
    const recordedName = recordedNames.get(migration.version);
    if (recordedName !== undefined && recordedName !== migration.name) {
      throw new MigrationNameMismatchError(migration.version, recordedName, migration.name);
    }
  }
  const applied: number[] = [];
  for (const migration of ordered) {
    if (recordedNames.has(migration.version)) continue;
    for (const statement of migration.statements) await store.command(statement);
    await store.insert('schema_migrations', [{ version: migration.version, name: migration.name }]);
    applied.push(migration.version);
  }
  return { applied };
}

function inVersionOrder(migrations: readonly Migration[]): Migration[] {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version < 1) {
      throw new Error(`read store migration '${migration.name}' has version ${migration.version}: use a positive integer`);
    }
    if (index > 0 && ordered[index - 1].version === migration.version) {
      throw new Error(`read store migration version ${migration.version} is used twice`);
    }
  });
  return ordered;
}
