const DAY_MS = 86_400_000;

/**
 * UTC midnight `days` days before now, as an ISO string: where a spec starts the simulator's clock. Ingest refuses
 * events more than 35 days old, so a fixed date would stop working; the simulator's days pass in seconds and a
 * spec's traffic spans about a day of simulated time, which ends well before now from 4 days back.
 */
export function daysAgoUtcMidnight(days: number, nowMs = Date.now()): string {
  return new Date((Math.floor(nowMs / DAY_MS) - days) * DAY_MS).toISOString();
}
