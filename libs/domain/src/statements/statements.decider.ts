import type { StatementCarry } from './daily-statement';
import { carryJson } from './statement-carry';
import type { StatementCarryJson, StatementIssued } from './statement-events';

/** A statement's carry as issued, with the date it was issued for and the position it was computed through. */
export type IssuedCarry = Readonly<{ date: string; throughPosition: string; carry: StatementCarryJson }>;

/** What a date's issued versions leave to decide on: how many there are, the latest's hash, and the latest carry among them. */
export type IssuedDate = Readonly<{ versions: number; sha256: string; carry?: IssuedCarry }>;

/**
 * A merchant's issued statements as far as issuing another needs them, without their CSVs and PDFs: each date's
 * versions and carry; and once the dates before `keptFrom` are forgotten (a clock that issues only recent days needs
 * no more), the latest carry among them alone. A state that forgot a date cannot issue it.
 */
export type StatementsState = Readonly<{ dates: Readonly<Record<string, IssuedDate>>; keptFrom?: string; carriedIn?: IssuedCarry }>;

export const initialStatementsState = (): StatementsState => ({ dates: {} });

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

function assertKept(state: StatementsState, date: string): void {
  if (state.keptFrom !== undefined && date < state.keptFrom) throw new Error(`the statements of days before ${state.keptFrom} were forgotten; ${date} cannot be decided here`);
}

/** A new version of the day's statement, unless its latest version has the same bytes (issuing again changes nothing). */
export function decideStatement(command: IssueStatement, state: StatementsState): StatementIssued[] {
  assertKept(state, command.date);
  const issued = state.dates[command.date];
  if (issued?.sha256 === command.sha256) return [];
  const { merchantId, date, csv, sha256, pdf, pdfSha256, throughPosition, issuedAt, carry } = command;
  return [{ type: 'StatementIssued', data: { merchantId, date, version: (issued?.versions ?? 0) + 1, throughPosition: throughPosition.toString(), sha256, csv, pdfSha256, pdf, issuedAt, carry: carryJson(carry) } }];
}

/** The later of two carries: by date, and of the same date the one issued later (`b`). */
const laterCarry = (a: IssuedCarry | undefined, b: IssuedCarry | undefined): IssuedCarry | undefined => (a === undefined || (b !== undefined && b.date >= a.date) ? b : a);

export function evolveStatements(state: StatementsState, { data }: StatementIssued): StatementsState {
  const carry = data.carry && { date: data.date, throughPosition: data.throughPosition, carry: data.carry };
  if (state.keptFrom !== undefined && data.date < state.keptFrom) return { ...state, carriedIn: laterCarry(state.carriedIn, carry) };
  const issued = state.dates[data.date];
  return { ...state, dates: { ...state.dates, [data.date]: { versions: (issued?.versions ?? 0) + 1, sha256: data.sha256, carry: carry ?? issued?.carry } } };
}

/** Forgets the dates before `date`, keeping the latest carry among them. */
export function forgetStatementsBefore(state: StatementsState, date: string): StatementsState {
  if (state.keptFrom !== undefined && date <= state.keptFrom) return state;
  const dates: Record<string, IssuedDate> = {};
  let carriedIn = state.carriedIn;
  for (const [issuedOn, issued] of Object.entries(state.dates)) {
    if (issuedOn >= date) dates[issuedOn] = issued;
    else carriedIn = laterCarry(carriedIn, issued.carry);
  }
  return { dates, keptFrom: date, carriedIn };
}

/** The dates with a statement issued. */
export const issuedDates = (state: StatementsState): string[] => Object.keys(state.dates);

/**
 * What the latest statement of a day before `date` carries to it (of the latest day, its latest version with a
 * carry, which read furthest); undefined when no earlier statement kept one, and the statement reads the merchant's
 * whole history.
 */
export function carryBefore(state: StatementsState, date: string): StatementCarry | undefined {
  assertKept(state, date);
  let latest = state.carriedIn;
  for (const [issuedOn, issued] of Object.entries(state.dates)) if (issuedOn < date) latest = laterCarry(latest, issued.carry);
  return latest && {
    to: latest.carry.to,
    throughPosition: BigInt(latest.throughPosition),
    fromPosition: BigInt(latest.carry.fromPosition),
    closing: new Map(latest.carry.closing.map(({ currency, minor }) => [currency, BigInt(minor)])),
  };
}
