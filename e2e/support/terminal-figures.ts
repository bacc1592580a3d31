// Sales figures per terminal: what GraphQL reports, and what the simulator's books say it must report.
import type { SalesFigures, SimulationReport } from '@posledger/terminal-simulator';
import { salesSummary } from './graphql-client';

export type FiguresByTerminal = Record<string, SalesFigures>;

export async function reportedByTerminal(graphqlUrl: string, auditorToken: string, merchantIds: readonly string[]): Promise<FiguresByTerminal> {
  const figures: FiguresByTerminal = {};
  for (const merchantId of merchantIds) {
    for (const bucket of await salesSummary(graphqlUrl, auditorToken, 'TERMINAL', merchantId)) {
      figures[bucket.key] = { count: bucket.count, gross: bucket.gross.minor, tips: bucket.tips.minor, voids: bucket.voids.minor, refunds: bucket.refunds.minor };
    }
  }
  return figures;
}

/** The books of every merchant, without terminals that sold nothing (they have no bucket in the reports). */
export function bookedByTerminal(report: SimulationReport): FiguresByTerminal {
  const entries = Object.values(report.totals).flatMap((merchant) => Object.entries(merchant.byTerminal));
  return Object.fromEntries(entries.filter(([, f]) => f.count > 0 || f.gross !== '0' || f.tips !== '0' || f.voids !== '0' || f.refunds !== '0'));
}

/** Each terminal's last sequence sent in the run. */
export function lastSequences(report: SimulationReport): Record<string, number> {
  return Object.fromEntries(Object.entries(report.terminals).map(([terminalId, { nextSequence }]) => [terminalId, nextSequence - 1]));
}
