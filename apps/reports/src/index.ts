export { createReportsApp } from './create-reports-app';
export type { ReportsDependencies } from './reports.module';
export { reportsMigrations } from './schema/reports.migrations';
export { reportsProjection } from './projection/reports.projection';
export { querySalesSummary } from './sales-summary/sales-summary.query';
export { SalesGrouping } from './sales-summary/sales-summary.types';
export { terminalsHoldingParkedEvents } from './terminal-sequences/terminal-sequences.query';
