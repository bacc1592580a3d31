import { createContext, useContext } from 'react';
import type { TokenRefusedError } from '../api/graphql-client';
import type { Merchant } from '../api/report-types';

/** What every panel of a signed-in dashboard shares. */
export interface ReportSession {
  readonly token: string;
  readonly merchant: Merchant;
  /** The merchantId argument: the merchant an auditor picked; undefined for a merchant's own token. */
  readonly merchantId?: string;
  /** Moves on at every live refresh: panels fetch again when it does. */
  readonly tick: number;
  /** A panel's figures arrived (the header shows the time). */
  refreshed(at: Date): void;
  /** The API refused the token: every figure goes, and the sign-in says why. */
  refused(error: TokenRefusedError): void;
}

export const ReportSessionContext = createContext<ReportSession | undefined>(undefined);

export function useReportSession(): ReportSession {
  const session = useContext(ReportSessionContext);
  if (!session) throw new Error('useReportSession outside a signed-in dashboard');
  return session;
}
