import type { BillEvent, LedgerEvent, PayoutEvent, RegistryEvent, StatementEvent } from '@posledger/domain';
import type { RecordedEventData } from '@posledger/event-store';
import type { ProjectedRows, Projection } from '@posledger/read-store';
import { billEventOf, ledgerEventOf, payoutEventOf, registryEventOf, statementEventOf, type Recorded, type ViewRow } from './view-row';

export type LedgerRows = (event: LedgerEvent, recorded: Recorded) => readonly ViewRow[];
export type RegistryRows = (event: RegistryEvent, recorded: Recorded) => readonly ViewRow[];
export type PayoutRows = (event: PayoutEvent, recorded: Recorded) => readonly ViewRow[];
export type StatementRows = (event: StatementEvent, recorded: Recorded) => readonly ViewRow[];
export type BillRows = (event: BillEvent, recorded: Recorded) => readonly ViewRow[];

/** A table and the function that turns the typed events of its stream kind into its rows. */
export type ViewTable =
  | { readonly table: string; readonly fromLedger: LedgerRows }
  | { readonly table: string; readonly fromRegistry: RegistryRows }
  | { readonly table: string; readonly fromPayouts: PayoutRows }
  | { readonly table: string; readonly fromStatements: StatementRows }
  | { readonly table: string; readonly fromBills: BillRows };

/** A projection whose rows come straight from its events, without I/O. */
export interface ViewProjection extends Projection {
  project(events: readonly RecordedEventData[]): ProjectedRows;
}

/** The key of a row in a table whose engine keeps only the latest row per key (ReplacingMergeTree by position). */
export type LatestRowKey = (row: ViewRow) => string;

/** The last row of each key, rows being in position order: what such a table holds of them once merged. */
function latestPerKey(rows: readonly ViewRow[], keyOf: LatestRowKey): ViewRow[] {
  const latest = new Map<string, ViewRow>();
  for (const row of rows) latest.set(keyOf(row), row);
  return [...latest.values()];
}

/**
 * One checkpointed projection over several tables (its name is its checkpoint: never rename one). `latest` names the
 * tables that keep only the latest row per key: a batch writes only its latest rows to them, not every one.
 */
export function viewProjection(name: string, tables: readonly ViewTable[], latest: Readonly<Record<string, LatestRowKey>> = {}): ViewProjection {
  return {
    name,
    tables: [...new Set(tables.map(({ table }) => table))],
    project(events: readonly RecordedEventData[]) {
      const rows: Record<string, ViewRow[]> = Object.fromEntries(tables.map(({ table }) => [table, []]));
      for (const recorded of events) {
        const ledgerEvent = ledgerEventOf(recorded);
        const registryEvent = ledgerEvent ? undefined : registryEventOf(recorded);
        const payoutEvent = ledgerEvent || registryEvent ? undefined : payoutEventOf(recorded);
        const statementEvent = ledgerEvent || registryEvent || payoutEvent ? undefined : statementEventOf(recorded);
        const billEvent = ledgerEvent || registryEvent || payoutEvent || statementEvent ? undefined : billEventOf(recorded);
        for (const view of tables) {
          if (ledgerEvent && 'fromLedger' in view) rows[view.table].push(...view.fromLedger(ledgerEvent, recorded));
          if (registryEvent && 'fromRegistry' in view) rows[view.table].push(...view.fromRegistry(registryEvent, recorded));
          if (payoutEvent && 'fromPayouts' in view) rows[view.table].push(...view.fromPayouts(payoutEvent, recorded));
          if (statementEvent && 'fromStatements' in view) rows[view.table].push(...view.fromStatements(statementEvent, recorded));
          if (billEvent && 'fromBills' in view) rows[view.table].push(...view.fromBills(billEvent, recorded));
        }
      }
      for (const [table, keyOf] of Object.entries(latest)) rows[table] = latestPerKey(rows[table], keyOf);
      return rows;
    },
  };
}
