export { createReportsApp } from './create-reports-app';
export type { ReportsDependencies } from './reports.module';
export { billFolds, importBill, resolveDiscrepancy, type BillImportResult } from './bills/bill-imports';
