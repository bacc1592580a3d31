import { BALANCES_QUERY } from '../../api/documents';
import type { Balance } from '../../api/report-types';
import { useT } from '../../i18n/use-t';
import { useReport } from '../../report/use-report';
import { ReportState } from '../ReportState';
import { ALL_BALANCES, BalanceFigures } from './BalanceFigures';

/** What the merchant is owed now, per currency (not the period's: balances are of all time). */
export function Balances() {
  const t = useT();
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
        report.data.balances.map((balance) => <BalanceFigures key={balance.currency} balance={balance} keys={ALL_BALANCES} />)
      )}
    </section>
  );
}
