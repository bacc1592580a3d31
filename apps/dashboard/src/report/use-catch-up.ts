import { useCallback, useEffect, useState } from 'react';
import { useReport, type Report } from './use-report';

/** How often the figures are asked again while a write is not in them yet, and for how long at most. */
export const CATCH_UP_INTERVAL_MS = 500;
export const CATCH_UP_MS = 30_000;

export interface CatchUpReport<T> {
  readonly report: Report<T>;
  /** A write is not in the figures yet. */
  readonly waiting: boolean;
  /** The last write did not show within CATCH_UP_MS (the live refresh goes on). */
  readonly lagging: boolean;
  /** Ask again until `shows` holds of the figures. */
  until(shows: (data: T) => boolean): void;
}

/**
 * A report of figures the person changes (bills imported, decisions taken). The views catch up with a write
 * asynchronously (projections): after one, the report is asked again every CATCH_UP_INTERVAL_MS, once the previous
 * answer came, until the figures show it; the live refresh goes on as for any report.
 */
export function useCatchUpReport<T>(query: string, variables: Record<string, unknown>): CatchUpReport<T> {
  const [wanted, setWanted] = useState<{ readonly shows: (data: T) => boolean; readonly since: number }>();
  const [again, setAgain] = useState(0);
  const [lagging, setLagging] = useState(false);
  const report = useReport<T>(query, variables, again);
  const { data, loading } = report;

  useEffect(() => {
    if (!wanted) return;
    if (data !== undefined && wanted.shows(data)) return setWanted(undefined);
    if (Date.now() - wanted.since > CATCH_UP_MS) {
      setWanted(undefined);
      return setLagging(true);
    }
    if (loading) return;
    const timer = setTimeout(() => setAgain((n) => n + 1), CATCH_UP_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [wanted, data, loading]);

  const until = useCallback((shows: (data: T) => boolean) => {
    setLagging(false);
    setWanted({ shows, since: Date.now() });
    setAgain((n) => n + 1);
  }, []);

  return { report, waiting: wanted !== undefined, lagging, until };
}
