import { balanceProjection, ledgerMigrations, settlementProjection } from '@posledger/ledger';
import type { Migration, Projection } from '@posledger/read-store';
import { reportsMigrations, reportsProjection } from '@posledger/reports';

/** Every view of the read store: its tables and the projections that fill them from the event store. */
export const VIEW_MIGRATIONS: readonly Migration[] = [...ledgerMigrations, ...reportsMigrations];
export const VIEW_PROJECTIONS: readonly Projection[] = [balanceProjection, settlementProjection, reportsProjection];
