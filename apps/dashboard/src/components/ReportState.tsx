import type { Report } from '../report/use-report';
import { useT } from '../i18n/use-t';

/** While a report has no figures yet: loading, or why it failed (the figures of a failed refresh stay on screen). */
export function ReportState<T>({ report }: { readonly report: Report<T> }) {
  const t = useT();
  if (report.error) {
    return (
      <p className="alert alert-error" role="alert">
        {t(report.error.code === 'REPORTS.RATE_LIMITED' ? 'report.rateLimited' : 'report.failed')} <span lang="en">{report.error.message}</span>
      </p>
    );
  }
  return report.data === undefined ? <p role="status">{t('report.loading')}</p> : null;
}
