import { fromClickHouseDateTime, type ReadStore } from '@posledger/read-store';

/** A daily statement as issued, without its CSV. */
export interface Statement {
  /** YYYY-MM-DD, the merchant's calendar. */
  readonly date: string;
  /** 1 for a day's first statement, then one more each time the day is issued again. */
  readonly version: number;
  /** Hex SHA-256 of the CSV's UTF-8 bytes. */
  readonly sha256: string;
  /** Hex SHA-256 of the PDF's bytes. */
  readonly pdfSha256: string;
  /** The store position the statement was computed through, a decimal string. */
  readonly throughPosition: string;
  readonly issuedAt: string;
}

/** A statement's CSV and PDF, exactly as issued. */
export interface StatementFiles {
  readonly version: number;
  readonly sha256: string;
  readonly csv: string;
  readonly pdfSha256: string;
  readonly pdf: Buffer;
}

interface StatementRowRead {
  date: string;
  version: number;
  sha256: string;
  pdf_sha256: string;
  through: string;
  issued_at: string;
}

/** Every version of the merchant's statements for the days in [fromDate, toDate) (YYYY-MM-DD), by date then version. */
export async function queryStatements(store: ReadStore, { merchantId, fromDate, toDate }: { merchantId: string; fromDate: string; toDate: string }): Promise<Statement[]> {
  const rows = await store.select<StatementRowRead>(
    `SELECT date, version, sha256, pdf_sha256, toString(through_position) AS through, issued_at
     FROM statements
     WHERE merchant_id = {merchantId:String} AND date >= {fromDate:String} AND date < {toDate:String}
     ORDER BY date, version`,
    { merchantId, fromDate, toDate },
  );
  return rows.map((row) => ({
    date: row.date,
    version: Number(row.version),
    sha256: row.sha256,
    pdfSha256: row.pdf_sha256,
    throughPosition: row.through,
    issuedAt: fromClickHouseDateTime(row.issued_at),
  }));
}

/** The files of the merchant's statement for `date` in the given version, or in its latest; undefined when none was issued. */
export async function queryStatementFiles(store: ReadStore, { merchantId, date, version }: { merchantId: string; date: string; version?: number }): Promise<StatementFiles | undefined> {
  const [row] = await store.select<{ version: number; sha256: string; csv: string; pdf_sha256: string; pdf: string }>(
    `SELECT version, sha256, csv, pdf_sha256, pdf
     FROM statements
     WHERE merchant_id = {merchantId:String} AND date = {date:String} ${version === undefined ? '' : 'AND version = {version:UInt32}'}
     ORDER BY version DESC LIMIT 1`,
    { merchantId, date, ...(version === undefined ? {} : { version }) },
  );
  return row && { version: Number(row.version), sha256: row.sha256, csv: row.csv, pdfSha256: row.pdf_sha256, pdf: Buffer.from(row.pdf, 'base64') };
}
