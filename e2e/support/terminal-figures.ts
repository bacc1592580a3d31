// Sales figures per terminal: what GraphQL reports, and what the simulator's books say it must report.
import type { SalesFigures, SimulationReport } from '@posledger/terminal-simulator';
import { salesSummary, type Bucket } from './graphql-client';

export type FiguresByTerminal = Record<string, SalesFigures>;

/** Buckets' figures by key, as the simulator's books keep them. */
export function figuresByKey(buckets: readonly Bucket[]): FiguresByTerminal {
  return Object.fromEntries(
    buckets.map(({ key, count, gross, tips, voids, refunds, offlineDeclined }) => [
      key,
      { count, gross: gross.minor, tips: tips.minor, voids: voids.minor, refunds: refunds.minor, offlineDeclined: offlineDeclined.minor },
    ]),
  );
}

export async function reportedByTerminal(graphqlUrl: string, auditorToken: string, merchantIds: readonly string[]): Promise<FiguresByTerminal> {
  let figures: FiguresByTerminal = {};
  for (const merchantId of merchantIds) figures = { ...figures, ...figuresByKey(await salesSummary(graphqlUrl, auditorToken, 'TERMINAL', merchantId)) };
  return figures;
}

/** The books of every merchant, without terminals that sold nothing (they have no bucket in the reports). */
export function bookedByTerminal(report: SimulationReport): FiguresByTerminal {
  const entries = Object.values(report.totals).flatMap((merchant) => Object.entries(merchant.byTerminal));
  return Object.fromEntries(entries.filter(([, f]) => f.count > 0 || [f.gross, f.tips, f.voids, f.refunds, f.offlineDeclined].some((minor) => minor !== '0')));
}

/** Each terminal's last sequence sent in the run. */
export function lastSequences(report: SimulationReport): Record<string, number> {
  return Object.fromEntries(Object.entries(report.terminals).map(([terminalId, { nextSequence }]) => [terminalId, nextSequence - 1]));
}
