/** A merchant's issued statements are one stream of the event store, named after the merchant. */
const STATEMENT_STREAM_PREFIX = 'statements-';

export const statementStream = (merchantId: string): string => `${STATEMENT_STREAM_PREFIX}${merchantId}`;

export const isStatementStream = (streamId: string): boolean => streamId.startsWith(STATEMENT_STREAM_PREFIX);

/**
 * A daily statement (日结单) as issued: its CSV and its PDF (base64), the SHA-256 of each one's bytes, and the
 * store position it was computed through, so that an auditor can prove a statement a merchant holds is the one the ledger issued. A day's statement
 * issued again (events recorded late that day) is a new version; each version stays.
 */
export type StatementIssued = Readonly<{
  type: 'StatementIssued';
  data: Readonly<{ merchantId: string; date: string; version: number; throughPosition: string; sha256: string; csv: string; pdfSha256: string; pdf: string; issuedAt: string }>;
}>;

export type StatementEvent = StatementIssued;

export function isStatementEvent(event: { readonly type: string; readonly data: unknown }): event is StatementEvent {
  return event.type === 'StatementIssued';
}
