import type { BillEvent, LedgerEvent, PayoutEvent, RegistryEvent, StatementEvent } from '@posledger/domain';
import type { RecordedEvent } from '@posledger/event-store';
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
  project(events: readonly RecordedEvent[]): ProjectedRows;
}

/** One checkpointed projection over several tables (its name is its checkpoint: never rename one). */
export function viewProjection(name: string, tables: readonly ViewTable[]): ViewProjection {
  return {
    name,
    tables: [...new Set(tables.map(({ table }) => table))],
    project(events: readonly RecordedEvent[]) {
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
      return rows;
    },
  };
}
