import { SHIFTS_QUERY } from '../../api/documents';
import type { Shift } from '../../api/report-types';
import { useT } from '../../i18n/use-t';
import { useReport } from '../../report/use-report';
import { apiPeriod, type DateRange } from '../../time/date-range';
import { ReportState } from '../ReportState';
import { ShiftTable } from './ShiftTable';

/** The period's cashier shifts, newest first: what each sold, voided, refunded and took in tips, and its drawer at the handover. */
export function Shifts({ range }: { readonly range: DateRange }) {
  const t = useT();
  const report = useReport<{ shifts: Shift[] }>(SHIFTS_QUERY, apiPeriod(range));
  if (!report.data) return <ReportState report={report} />;

  return (
    <section className="card" aria-labelledby="shifts-heading" aria-busy={report.loading}>
      <ReportState report={report} />
      <h2 id="shifts-heading">{t('shifts.title')}</h2>
      <p className="muted">{t('shifts.explain')}</p>
      {report.data.shifts.length === 0 ? <p role="status">{t('shifts.none')}</p> : <ShiftTable shifts={report.data.shifts} />}
    </section>
  );
}
