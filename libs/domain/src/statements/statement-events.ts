/** A merchant's issued statements are one stream of the event store, named after the merchant. */
const STATEMENT_STREAM_PREFIX = 'statements-';

export const statementStream = (merchantId: string): string => `${STATEMENT_STREAM_PREFIX}${merchantId}`;

export const isStatementStream = (streamId: string): boolean => streamId.startsWith(STATEMENT_STREAM_PREFIX);

import type { MoneyJson } from '../values/money';

/** A StatementCarry as stored (its `throughPosition` is the statement's): see daily-statement. */
export type StatementCarryJson = Readonly<{ to: string; fromPosition: string; closing: readonly MoneyJson[] }>;

/**
 * A daily statement (日结单) as issued: its CSV and its PDF (base64), the SHA-256 of each one's bytes, and the store
 * position it was computed through, so that an auditor can prove a statement a merchant holds is the one the ledger
 * issued; and what it carries to a later day's statement (none on statements issued before carries were kept). A
 * day's statement issued again (events recorded late that day) is a new version; each version stays.
 */
export type StatementIssued = Readonly<{
  type: 'StatementIssued';
  data: Readonly<{
    merchantId: string; date: string; version: number; throughPosition: string; sha256: string; csv: string; pdfSha256: string; pdf: string; issuedAt: string;
    carry?: StatementCarryJson;
  }>;
}>;

export type StatementEvent = StatementIssued;

export function isStatementEvent(event: { readonly type: string; readonly data: unknown }): event is StatementEvent {
  return event.type === 'StatementIssued';
}
