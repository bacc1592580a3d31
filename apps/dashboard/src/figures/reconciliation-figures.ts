import type { BillImportAnswer, DecisionAnswer } from '../api/back-office-answers';
import type { Discrepancy, Reconciliation, ThreeWayMatch } from '../api/report-types';

/** A discrepancy still awaiting its final decision: OPEN, or under investigation. */
export function isUndecided(status: string): boolean {
  return status === 'OPEN' || status === 'INVESTIGATE';
}

/** How many discrepancies of the day still await a final decision. */
export function undecidedCount(discrepancies: readonly Pick<Discrepancy, 'status'>[]): number {
  return discrepancies.filter((found) => isUndecided(found.status)).length;
}

/**
 * Does the day's reconciliation show what an import recorded? Its file, and (when it was imported now, so it is its
 * source's latest) each discrepancy it found and each line of its three-way match.
 */
export function showsImport(reconciliation: Reconciliation, answer: BillImportAnswer): boolean {
  const file = reconciliation.files.find((candidate) => candidate.source === answer.source && candidate.sha256 === answer.sha256);
  if (!file) return false;
  if (!answer.imported) return true;
  const listed = new Set(reconciliation.discrepancies.map((found) => found.id));
  return (
    file.current &&
    file.throughPosition !== '' &&
    answer.discrepancies.every((found) => listed.has(found.discrepancyId)) &&
    reconciliation.threeWay.filter((line) => line.source === answer.source).length === answer.threeWay.length
  );
}

/** Does the day's reconciliation show the decision as recorded (the same decision, by the same person, at the same instant)? */
export function showsDecision(reconciliation: Reconciliation, answer: DecisionAnswer): boolean {
  const decision = reconciliation.discrepancies.find((found) => found.id === answer.discrepancyId)?.decision;
  return decision !== null && decision !== undefined && decision.decision === answer.decision && decision.decidedBy === answer.decidedBy && Date.parse(decision.decidedAt) === Date.parse(answer.decidedAt);
}

/** The three-way lines of each source, in the order the API gives them (per source, its batches then its day). */
export function threeWayBySource(lines: readonly ThreeWayMatch[]): { readonly source: string; readonly lines: readonly ThreeWayMatch[] }[] {
  const sources = [...new Set(lines.map((line) => line.source))];
  return sources.map((source) => ({ source, lines: lines.filter((line) => line.source === source) }));
}
