import type { StatementCarry } from './daily-statement';
import { carryJson } from './statement-carry';
import { StatementIssued } from './statement-events';

/** Each date's issued versions' hashes, in order. */
export type StatementsState = Readonly<Record<string, readonly string[]>>;

export interface IssueStatement {
  readonly merchantId: string;
  readonly date: string;
  readonly csv: string;
  readonly sha256: string;
  readonly pdf: string;
  readonly pdfSha256: string;
  readonly throughPosition: bigint;
  readonly issuedAt: string;
  readonly carry: StatementCarry;
}

/** A new version of the day's statement, unless its latest version has the same bytes (issuing again changes nothing). */
export function decideStatement(command: IssueStatement, state: StatementsState): StatementIssued[] {
  const versions = state[command.date] ?? [];
  if (versions.at(-1) === command.sha256) return [];
  const { merchantId, date, csv, sha256, pdf, pdfSha256, throughPosition, issuedAt, carry } = command;
  return [{ type: 'StatementIssued', data: { merchantId, date, version: versions.length + 1, throughPosition: throughPosition.toString(), sha256, csv, pdfSha256, pdf, issuedAt, carry: carryJson(carry) } }];
}

export function evolveStatements(state: StatementsState, event: StatementIssued): StatementsState {
  return { ...state, [event.data.date]: [...(state[event.data.date] ?? []), event.data.sha256] };
}
