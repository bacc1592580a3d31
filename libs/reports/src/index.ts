export { createReportsApp } from './create-reports-app';
export type { ReportsDependencies } from './reports.module';
