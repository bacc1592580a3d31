import { assertTableName } from '../sql-identifier';
import type { Projection } from './projection';

/**
 * Projections that run together: distinct names, valid table names, and no table written by two of them (a
 * projection's clean-up deletes rows at or after its own checkpoint, which could be another's committed rows).
 */
export function assertProjectionSet(projections: readonly Projection[]): void {
  const names = new Set<string>();
  const owners = new Map<string, string>();
  for (const projection of projections) {
    if (names.has(projection.name)) throw new Error(`two projections are named '${projection.name}'`);
    names.add(projection.name);
    for (const table of projection.tables) {
      assertTableName(table);
      const owner = owners.get(table);
      if (owner !== undefined) throw new Error(`table ${table} is written by both '${owner}' and '${projection.name}'`);
      owners.set(table, projection.name);
    }
  }
}
