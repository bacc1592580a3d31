import { useState, type FormEvent } from 'react';
import { FIND_QUERY } from '../../api/documents';
import { graphql, ReportError, TokenRefusedError } from '../../api/graphql-client';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

interface Found {
  readonly transaction: { readonly id: string; readonly terminalId: string } | null;
  readonly refund: { readonly id: string; readonly sale: { readonly id: string; readonly terminalId: string } | null } | null;
}

/** A sale by its id, or the sale a refund is for by the refund's id (as printed on a receipt or in the ledger export). */
export function FindSale({ onOpen }: { onOpen(sale: { id: string; terminalId: string }): void }) {
  const t = useT();
  const session = useReportSession();
  const [id, setId] = useState('');
  const [message, setMessage] = useState<string>();

  const find = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = id.trim();
    if (!wanted) return;
    setMessage(undefined);
    try {
      const found = await graphql<Found>(session.token, FIND_QUERY, { merchantId: session.merchantId, id: wanted });
      const sale = found.transaction ?? found.refund?.sale;
      if (found.refund?.sale && !found.transaction) setMessage(t('find.refundOf', { refund: wanted, sale: found.refund.sale.id }));
      if (sale) onOpen(sale);
      else setMessage(t('find.none', { id: wanted }));
    } catch (error) {
      if (error instanceof TokenRefusedError) return session.refused(error);
      setMessage(error instanceof ReportError ? error.message : String(error));
    }
  };

  return (
    <form className="find" onSubmit={(event) => void find(event)} role="search">
      <label htmlFor="find-id">{t('find.label')}</label>
      <div className="find-row">
        <input id="find-id" value={id} onChange={(event) => setId(event.target.value)} spellCheck={false} data-testid="find-id" />
        <button type="submit">{t('find.submit')}</button>
      </div>
      {message && (
        <p role="status" className="muted" data-testid="find-message">
          {message}
        </p>
      )}
    </form>
  );
}
