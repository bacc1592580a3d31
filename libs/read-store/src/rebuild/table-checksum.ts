import type { ReadStore } from '../read-store.port';

const MERGING_ENGINE = /(Replacing|Collapsing|Summing|Aggregating)MergeTree$/;

export interface TableChecksum {
  readonly rows: number;
  /** 16 hex digits: the sum modulo 2^64 of every row's cityHash64, so independent of row and part order. */
  readonly checksum: string;
}

/**
 * Rows and checksum of a table's content. A merging engine (ReplacingMergeTree, ...) is read FINAL: rows it has not merged
 * yet are not content, and merges happen at different times in the live table and its rebuild.
 */
export async function tableChecksum(store: ReadStore, table: string): Promise<TableChecksum> {
  const [database, name] = table.includes('.') ? table.split('.') : [undefined, table];
  const engines = await store.select<{ engine: string }>(
    'SELECT engine FROM system.tables WHERE database = coalesce({database:Nullable(String)}, currentDatabase()) AND name = {name:String}',
    { database: database ?? null, name },
  );
  if (engines.length === 0) throw new Error(`no table ${table} in the read store`);
  const final = MERGING_ENGINE.test(engines[0].engine) ? ' FINAL' : '';
  const [row] = await store.select<{ rows: string; checksum: string }>(
    `SELECT count() AS rows, lower(hex(sum(cityHash64(*)))) AS checksum FROM ${table}${final}`,
  );
  return { rows: Number(row.rows), checksum: row.checksum.padStart(16, '0') };
}
