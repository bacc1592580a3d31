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

/** An event of a kind some tables take, with the key under which such a table holds its rows' function. */
type TypedEvent =
  | { readonly from: 'fromLedger'; readonly event: LedgerEvent }
  | { readonly from: 'fromRegistry'; readonly event: RegistryEvent }
  | { readonly from: 'fromPayouts'; readonly event: PayoutEvent }
  | { readonly from: 'fromStatements'; readonly event: StatementEvent }
  | { readonly from: 'fromBills'; readonly event: BillEvent };

const KINDS = ['fromLedger', 'fromRegistry', 'fromPayouts', 'fromStatements', 'fromBills'] as const;

function typedEvent(recorded: RecordedEventData): TypedEvent | undefined {
  const ledger = ledgerEventOf(recorded);
  if (ledger) return { from: 'fromLedger', event: ledger };
  const registry = registryEventOf(recorded);
  if (registry) return { from: 'fromRegistry', event: registry };
  const payout = payoutEventOf(recorded);
  if (payout) return { from: 'fromPayouts', event: payout };
  const statement = statementEventOf(recorded);
  if (statement) return { from: 'fromStatements', event: statement };
  const bill = billEventOf(recorded);
  return bill && { from: 'fromBills', event: bill };
}

/** Each batch's events typed once for every projection given the same batch (all are, once they have caught up). */
const typedBatches = new WeakMap<readonly RecordedEventData[], readonly (TypedEvent | undefined)[]>();

function typedEventsOf(events: readonly RecordedEventData[]): readonly (TypedEvent | undefined)[] {
  let typed = typedBatches.get(events);
  if (typed === undefined) {
    typed = events.map(typedEvent);
    typedBatches.set(events, typed);
  }
  return typed;
}

function rowsOf(view: ViewTable, typed: TypedEvent, recorded: RecordedEventData): readonly ViewRow[] {
  switch (typed.from) {
    case 'fromLedger':
      return 'fromLedger' in view ? view.fromLedger(typed.event, recorded) : [];
    case 'fromRegistry':
      return 'fromRegistry' in view ? view.fromRegistry(typed.event, recorded) : [];
    case 'fromPayouts':
      return 'fromPayouts' in view ? view.fromPayouts(typed.event, recorded) : [];
    case 'fromStatements':
      return 'fromStatements' in view ? view.fromStatements(typed.event, recorded) : [];
    case 'fromBills':
      return 'fromBills' in view ? view.fromBills(typed.event, recorded) : [];
  }
}

/**
 * One checkpointed projection over several tables (its name is its checkpoint: never rename one). `latest` names the
 * tables that keep only the latest row per key: a batch writes only its latest rows to them, not every one.
 */
export function viewProjection(name: string, tables: readonly ViewTable[], latest: Readonly<Record<string, LatestRowKey>> = {}): ViewProjection {
  const taking = new Map(KINDS.map((kind) => [kind, tables.filter((view) => kind in view)]));
  return {
    name,
    tables: [...new Set(tables.map(({ table }) => table))],
    project(events: readonly RecordedEventData[]) {
      const rows: Record<string, ViewRow[]> = Object.fromEntries(tables.map(({ table }) => [table, []]));
      const typed = typedEventsOf(events);
      for (let i = 0; i < events.length; i++) {
        const one = typed[i];
        if (one === undefined) continue;
        for (const view of taking.get(one.from) ?? []) for (const row of rowsOf(view, one, events[i])) rows[view.table].push(row);
      }
      for (const [table, keyOf] of Object.entries(latest)) rows[table] = latestPerKey(rows[table], keyOf);
      return rows;
    },
  };
}
