import { BALANCES_QUERY } from '../../api/documents';
import type { Balance } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import type { MessageId } from '../../i18n/messages.en';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useReport } from '../../report/use-report';
import { ReportState } from '../ReportState';

const COLUMNS: readonly { readonly key: 'pending' | 'settled' | 'fees' | 'available' | 'held' | 'inTransit' | 'paidOut' | 'cash'; readonly title: MessageId; readonly note: MessageId }[] = [
  { key: 'pending', title: 'balance.pending', note: 'balance.note.pending' },
  { key: 'settled', title: 'balance.settled', note: 'balance.note.settled' },
  { key: 'fees', title: 'balance.fees', note: 'balance.note.fees' },
  { key: 'available', title: 'balance.available', note: 'balance.note.available' },
  { key: 'held', title: 'balance.held', note: 'balance.note.held' },
  { key: 'inTransit', title: 'balance.inTransit', note: 'balance.note.inTransit' },
  { key: 'paidOut', title: 'balance.paidOut', note: 'balance.note.paidOut' },
  { key: 'cash', title: 'balance.cash', note: 'balance.note.cash' },
];

/** What the merchant is owed now, per currency (not the period's: balances are of all time). */
export function Balances() {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const report = useReport<{ balances: Balance[] }>(BALANCES_QUERY, {});
  if (!report.data) return <ReportState report={report} />;

  return (
    <section className="card balances" aria-labelledby="balances-heading" aria-busy={report.loading}>
      <ReportState report={report} />
      <h2 id="balances-heading">{t('balance.title')}</h2>
      <p className="muted">{t('balance.explain')}</p>
      {report.data.balances.length === 0 ? (
        <p role="status">{t('balance.none')}</p>
      ) : (
        report.data.balances.map((balance) => (
          <div key={balance.currency} className="kpis" data-currency={balance.currency}>
            {COLUMNS.map(({ key, title, note }) => (
              <article key={key} className="kpi" data-balance={key}>
                <h3>{t(title)}</h3>
                <p className="kpi-value" data-testid={`balance-${key}`}>
                  {format.money(balance[key])}
                </p>
                <p className="kpi-note">{t(note)}</p>
              </article>
            ))}
          </div>
        ))
      )}
    </section>
  );
}
