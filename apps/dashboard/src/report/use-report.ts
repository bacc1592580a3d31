import { useEffect, useState } from 'react';
import { graphql, ReportError, TokenRefusedError } from '../api/graphql-client';
import { useReportSession } from './report-session';

export interface Report<T> {
  /** The latest figures for these variables; kept on screen while the next refresh loads. */
  readonly data?: T;
  readonly error?: ReportError;
  readonly loading: boolean;
}

interface Loaded<T> {
  readonly key: string;
  readonly json?: string;
  readonly data?: T;
  readonly error?: ReportError;
  readonly loading: boolean;
}

/**
 * A query of the API, asked again at every live refresh and whenever `again` moves (after a write, see useCatchUpReport).
 * Figures are replaced only when they changed, so a refresh re-renders nothing that stayed the same (no flicker, no
 * lost scroll position); other variables start afresh.
 */
export function useReport<T>(query: string, variables: Record<string, unknown>, again = 0): Report<T> {
  const session = useReportSession();
  const key = JSON.stringify({ query, variables, merchantId: session.merchantId });
  const [loaded, setLoaded] = useState<Loaded<T>>({ key, loading: true });

  useEffect(() => {
    const abort = new AbortController();
    setLoaded((previous) => (previous.key === key ? { ...previous, loading: true } : { key, loading: true }));
    graphql<T>(session.token, query, { merchantId: session.merchantId, ...variables }, abort.signal).then(
      (data) => {
        const json = JSON.stringify(data);
        setLoaded((previous) => (previous.key === key && previous.json === json ? { ...previous, loading: false, error: undefined } : { key, json, data, loading: false }));
        session.refreshed(new Date());
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof TokenRefusedError) return session.refused(error);
        const failure = error instanceof ReportError ? error : new ReportError(error instanceof Error ? error.message : String(error));
        setLoaded((previous) => ({ ...(previous.key === key ? previous : { key }), loading: false, error: failure }));
      },
    );
    return () => abort.abort();
    // `key` stands for the query and its variables.
  }, [key, session.tick, again]);

  return loaded.key === key ? loaded : { loading: true };
}
