import { useState } from 'react';
import { FIND_QUERY } from '../../api/documents';
import { graphql, ReportError, TokenRefusedError } from '../../api/graphql-client';
import type { Discrepancy } from '../../api/report-types';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

type Sale = { id: string; terminalId: string };

/**
 * Opens the ledger's side of a discrepancy in the sale drawer: a sale as it is; a refund (its id is the refund's)
 * through the sale it refunds, as the transactions tab finds one.
 */
export function useOpenTrade(onOpen: (sale: Sale) => void): { open(found: Discrepancy): Promise<void>; readonly message?: string } {
  const t = useT();
  const session = useReportSession();
  const [message, setMessage] = useState<string>();

  const open = async ({ tradeKind, transactionId, terminalId }: Discrepancy) => {
    if (!transactionId || !terminalId) return;
    setMessage(undefined);
    if (tradeKind !== 'REFUND') return onOpen({ id: transactionId, terminalId });
    try {
      const { refund } = await graphql<{ refund: { sale: Sale | null } | null }>(session.token, FIND_QUERY, { merchantId: session.merchantId, id: transactionId });
      if (refund?.sale) onOpen(refund.sale);
      else setMessage(t('discrepancies.notFound', { id: transactionId }));
    } catch (error) {
      if (error instanceof TokenRefusedError) return session.refused(error);
      setMessage(error instanceof ReportError ? error.message : String(error));
    }
  };
  return { open, message };
}
