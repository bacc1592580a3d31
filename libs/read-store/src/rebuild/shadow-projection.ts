import type { Projection, ProjectedRows } from '../projections/projection';

export const SHADOW_SUFFIX = '__replay';

export const shadowTable = (table: string): string => `${table}${SHADOW_SUFFIX}`;

/** The same projection writing into shadow tables under its own checkpoint, so that it can run beside the live one. */
export function shadowProjection(projection: Projection): Projection {
  return {
    name: `${projection.name}${SHADOW_SUFFIX}`,
    tables: projection.tables.map(shadowTable),
    async project(events): Promise<ProjectedRows> {
      const rows = await projection.project(events);
      return Object.fromEntries(Object.entries(rows).map(([table, tableRows]) => [shadowTable(table), tableRows]));
    },
  };
}
