import type { RebuildProgress, RebuildReport, ViewComparison } from '@posledger/read-store';

/** A rebuild's report as the command line prints it and GraphQL returns it: positions as decimal strings. */
export interface ReplayReportJson {
  readonly position: string;
  readonly events: number;
  readonly durationMs: number;
  readonly eventsPerSecond: number;
  readonly views: readonly ViewComparison[];
  readonly equal: boolean;
  readonly switched: boolean;
}

export interface ReplayProgressJson {
  readonly phase: string;
  readonly position: string;
  readonly head: string;
  readonly events: number;
  readonly eventsPerSecond: number;
  readonly etaSeconds?: number | null;
}

export const reportJson = (report: RebuildReport): ReplayReportJson => ({ ...report, position: report.position.toString() });

export const progressJson = (progress: RebuildProgress): ReplayProgressJson => ({
  phase: progress.phase,
  position: progress.position.toString(),
  head: progress.head.toString(),
  events: progress.events,
  eventsPerSecond: progress.eventsPerSecond,
  etaSeconds: progress.etaSeconds,
});

/** One stderr line: phase, position of head, rate and time to go. */
export function progressLine(progress: ReplayProgressJson): string {
  const eta = progress.etaSeconds === undefined || progress.etaSeconds === null ? '-' : `${progress.etaSeconds} s`;
  return `replay ${progress.phase}: position ${progress.position} of ${progress.head}, ${progress.events} events, ${progress.eventsPerSecond} events/s, ETA ${eta}`;
}
