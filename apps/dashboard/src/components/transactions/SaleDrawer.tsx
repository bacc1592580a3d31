import { useEffect, useRef } from 'react';
import { SALE_QUERY } from '../../api/documents';
import type { SaleHistory } from '../../api/report-types';
import { saleHistory } from '../../figures/sale-history';
import { useFormat } from '../../format/use-format';
import { accountLabel, ledgerEventLabel, methodLabel, schemeLabel, statusLabel, terminalEventLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useReport } from '../../report/use-report';
import { ReportState } from '../ReportState';
import { DetailList } from './DetailList';

interface SaleDrawerProps {
  readonly sale: { readonly id: string; readonly terminalId: string };
  onClose(): void;
}

/** A sale's whole history: the terminal's events and the ledger's, in ledger order, and the postings they made. */
export function SaleDrawer({ sale, onClose }: SaleDrawerProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const report = useReport<{ transaction: SaleHistory | null }>(SALE_QUERY, { id: sale.id, terminalId: sale.terminalId });
  const close = useRef<HTMLButtonElement>(null);
  const closing = useRef(onClose);
  closing.current = onClose;
  const found = report.data?.transaction;

  // Once, when it opens: focus moves in, Escape closes it, and focus goes back where it was when it closes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    close.current?.focus();
    const escape = (event: KeyboardEvent) => event.key === 'Escape' && closing.current();
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('keydown', escape);
      opener?.focus();
    };
  }, []);

  return (
    <div className="drawer-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <aside className="drawer" role="dialog" aria-modal="true" aria-labelledby="drawer-heading" data-testid="drawer">
        <div className="drawer-head">
          <h2 id="drawer-heading">{t('drawer.title')}</h2>
          <button ref={close} type="button" onClick={onClose}>
            {t('drawer.close')}
          </button>
        </div>
        <ReportState report={report} />
        {report.data && !found && <p role="status">{t('drawer.notFound', { id: sale.id })}</p>}
        {found && (
          <>
            <dl className="sale-summary">
              <dt>{t('sale.id')}</dt>
              <dd className="mono">{found.id}</dd>
              <dt>{t('sale.terminal')}</dt>
              <dd>{found.terminalId}</dd>
              <dt>{t('sale.time')}</dt>
              <dd>{format.dateTime(found.occurredAt)}</dd>
              <dt>{t('sale.amount')}</dt>
              <dd data-testid="drawer-amount">{format.money(found.amount)}</dd>
              <dt>{t('sale.method')}</dt>
              <dd>
                {methodLabel(t, found.method)} · {schemeLabel(t, found.scheme)}
                {found.maskedPan ? ` ${found.maskedPan}` : ''}
              </dd>
              <dt>{t('sale.status')}</dt>
              <dd>{statusLabel(t, found.status)}</dd>
              <dt>{t('sale.refunded')}</dt>
              <dd>{format.money(found.refunded)}</dd>
              {found.tip.minor !== '0' && (
                <>
                  <dt>{t('sale.tip')}</dt>
                  <dd>{format.money(found.tip)}</dd>
                </>
              )}
              {found.offline && (
                <>
                  <dt>{t('sale.offline')}</dt>
                  <dd data-testid="drawer-offline">{t(found.awaitingHost ? 'sale.offline.awaiting' : 'sale.offline.answered')}</dd>
                </>
              )}
              {found.held.minor !== '0' && (
                <>
                  <dt>{t('sale.held')}</dt>
                  <dd data-testid="drawer-held">
                    {format.money(found.held)}
                    {found.status === 'HELD' && found.holdExpiresAt ? ` · ${t('sale.holdExpires', { at: format.dateTime(found.holdExpiresAt) })}` : ''}
                  </dd>
                </>
              )}
            </dl>
            <h3>{t('drawer.events')}</h3>
            <ol className="history" data-testid="history">
              {saleHistory(found.events).map((entry) => (
                <li key={entry.position} className={`history-${entry.source}`} data-source={entry.source} data-type={entry.type}>
                  <p className="history-title">
                    <span className="badge">{t(entry.source === 'terminal' ? 'drawer.terminalEvent' : 'drawer.ledgerEvent')}</span>{' '}
                    <strong>{entry.source === 'terminal' ? terminalEventLabel(t, entry.type) : ledgerEventLabel(t, entry.type)}</strong>
                    {entry.sequence !== undefined && <span className="muted"> {t('drawer.sequence', { sequence: entry.sequence })}</span>}
                  </p>
                  <p className="muted">{t('drawer.when', { occurred: format.dateTime(entry.occurredAt), recorded: format.dateTime(entry.recordedAt) })}</p>
                  <DetailList details={entry.details} exponent={found.amount.exponent} />
                </li>
              ))}
            </ol>
            <h3>{t('drawer.postings')}</h3>
            {found.postings.length === 0 ? (
              <p>{t('drawer.noPostings')}</p>
            ) : (
              <table className="postings" data-table="postings">
                <caption className="visually-hidden">{t('drawer.postings')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('posting.event')}</th>
                    <th scope="col">{t('posting.account')}</th>
                    <th scope="col" className="number">{t('posting.debit')}</th>
                    <th scope="col" className="number">{t('posting.credit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.postings.map((posting) => (
                    <tr key={`${posting.position} ${posting.entry}`}>
                      <th scope="row">{ledgerEventLabel(t, posting.eventType)}</th>
                      <td data-label={t('posting.account')}>{accountLabel(t, posting.account)}</td>
                      <td data-label={t('posting.debit')} className="number">{posting.debit.minor === '0' ? '' : format.money(posting.debit)}</td>
                      <td data-label={t('posting.credit')} className="number">{posting.credit.minor === '0' ? '' : format.money(posting.credit)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted">{t('drawer.batchPostings')}</p>
          </>
        )}
      </aside>
    </div>
  );
}
