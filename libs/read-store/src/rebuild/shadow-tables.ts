// Table names here come from projections and were checked by assertTableName before any rebuild starts.
import type { ReadStore } from '../read-store.port';
import { shadowTable } from './shadow-projection';

/** An empty shadow per table, with the same columns, engine and ordering; a leftover shadow is dropped first. */
export async function createShadowTables(store: ReadStore, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await store.command(`DROP TABLE IF EXISTS ${shadowTable(table)}`);
    await store.command(`CREATE TABLE ${shadowTable(table)} AS ${table}`);
  }
}

export async function dropShadowTables(store: ReadStore, tables: readonly string[]): Promise<void> {
  for (const table of tables) await store.command(`DROP TABLE IF EXISTS ${shadowTable(table)}`);
}

/**
 * Swaps every table with its shadow in one statement. Each pair is swapped atomically, so a query never misses a
 * table; the pairs follow one another within the statement.
 */
export async function exchangeWithShadows(store: ReadStore, tables: readonly string[]): Promise<void> {
  await store.command(`EXCHANGE TABLES ${tables.map((table) => `${table} AND ${shadowTable(table)}`).join(', ')}`);
}
