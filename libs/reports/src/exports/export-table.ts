import { PassThrough, type Readable } from 'node:stream';
import { exportRows, type ExportRow } from '@posledger/views';

/** What a report export holds, before it is rendered in the format asked for. */
export interface ExportTable {
  readonly columns: readonly string[];
  readonly rows: readonly ExportRow[];
}

export type TableFormat = 'csv' | 'jsonl' | 'xlsx';

/** Minor units and counts as numbers a spreadsheet can add up, while a double holds them exactly; other text as text. */
function cellOf(column: string, value: string | number): string | number {
  if (typeof value === 'number' || !(column.endsWith('_minor') || column === 'count')) return value;
  const number = Number(value);
  return /^-?[0-9]+$/.test(value) && Number.isSafeInteger(number) ? number : value;
}

/**
 * One worksheet, written row by row to the stream it returns (exceljs's streaming writer): never built whole in memory.
 * exceljs is loaded at the first XLSX export (about 0.3 s of a start on this machine's cores, for a format few ask for).
 */
export function xlsxStream(sheetName: string, { columns, rows }: ExportTable): Readable {
  const stream = new PassThrough();
  void (async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName);
    sheet.columns = columns.map((column) => ({ header: column, key: column }));
    for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((column) => [column, cellOf(column, row[column])]))).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => stream.destroy(error));
  return stream;
}

/** The table as CSV, JSON lines or an XLSX stream. */
export function renderTable(format: TableFormat, sheetName: string, table: ExportTable): string | Readable {
  return format === 'xlsx' ? xlsxStream(sheetName, table) : exportRows(format, table.columns, table.rows);
}
