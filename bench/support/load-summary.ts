import type { BatchResult, SignedRequest } from './http-load';
import { perSecond } from './stats';

export interface LoadSummary {
  readonly events: number;
  readonly batches: number;
  readonly firstSentAt: number;
  readonly lastAnsweredAt: number;
  readonly eventsPerSecond: number;
}

/** Totals of a load run; throws unless every batch was answered 202 (a failed batch would leave a sequence gap). */
export function summarizeLoad(label: string, terminals: readonly (readonly SignedRequest[])[], results: readonly BatchResult[]): LoadSummary {
  const failed = results.filter((result) => result.status !== 202);
  if (failed.length > 0) {
    const statuses = [...new Set(failed.map((result) => result.status))].join(', ');
    throw new Error(`${label}: ${failed.length} of ${results.length} batches not answered 202 (statuses ${statuses})`);
  }
  const events = results.reduce((sum, result) => sum + terminals[result.terminal][result.batch].eventCount, 0);
  const firstSentAt = results.reduce((first, result) => Math.min(first, result.sentAt), Infinity);
  const lastAnsweredAt = results.reduce((last, result) => Math.max(last, result.answeredAt), 0);
  return { events, batches: results.length, firstSentAt, lastAnsweredAt, eventsPerSecond: perSecond(events, lastAnsweredAt - firstSentAt) };
}
