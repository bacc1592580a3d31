import type { ExportFormat } from '../postings/ledger-export.query';

export type ExportRow = Readonly<Record<string, string | number>>;

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Rows as CSV with a header line, or as JSON lines, each with the columns in the order given. */
export function exportRows(format: ExportFormat, columns: readonly string[], rows: readonly ExportRow[]): string {
  if (format === 'jsonl') return rows.map((row) => `${JSON.stringify(Object.fromEntries(columns.map((column) => [column, row[column]])))}\n`).join('');
  return [columns, ...rows.map((row) => columns.map((column) => row[column]))].map((fields) => `${fields.map(csvField).join(',')}\n`).join('');
}
