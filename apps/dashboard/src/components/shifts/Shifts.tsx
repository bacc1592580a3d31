import { SHIFTS_QUERY } from '../../api/documents';
import type { SettlementTotal, Shift } from '../../api/report-types';
import { methodLabel } from '../../i18n/enum-labels';
import { useFormat } from '../../format/use-format';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useReport } from '../../report/use-report';
import { apiPeriod, type DateRange } from '../../time/date-range';
import { ReportState } from '../ReportState';
import { RowTable } from '../RowTable';

/** The period's cashier shifts, newest first: what each sold, voided, refunded and took in tips, and its drawer at the handover. */
export function Shifts({ range }: { readonly range: DateRange }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const report = useReport<{ shifts: Shift[] }>(SHIFTS_QUERY, apiPeriod(range));
  if (!report.data) return <ReportState report={report} />;
  const headers = [t('shifts.operator'), t('shifts.opened'), t('shifts.closed'), t('shifts.sales'), t('shifts.voids'), t('shifts.refunds'), t('shifts.tips'), t('shifts.drawer'), t('shifts.overShort')];
  const lines = (totals: readonly SettlementTotal[]) =>
    totals.length === 0 ? '–' : totals.map((total) => t('shifts.line', { method: methodLabel(t, total.method), count: total.count, amount: format.money(total.amount) })).join('; ');

  return (
    <section className="card" aria-labelledby="shifts-heading" aria-busy={report.loading}>
      <ReportState report={report} />
      <h2 id="shifts-heading">{t('shifts.title')}</h2>
      <p className="muted">{t('shifts.explain')}</p>
      {report.data.shifts.length === 0 ? (
        <p role="status">{t('shifts.none')}</p>
      ) : (
        <RowTable name="shifts" caption={t('shifts.title')} headers={[t('terminals.terminal'), ...headers]}>
          {report.data.shifts.map((shift) => (
            <tr key={shift.shiftId} data-shift={shift.shiftId} data-status={shift.status}>
              <th scope="row">{shift.terminalId}</th>
              <td data-label={headers[0]}>{shift.operatorId}</td>
              <td data-label={headers[1]}>{format.dateTime(shift.openedAt)}</td>
              <td data-label={headers[2]}>{shift.closedAt ? format.dateTime(shift.closedAt) : <span className="badge">{t('shifts.stillOpen')}</span>}</td>
              <td data-label={headers[3]}>{lines(shift.sales)}</td>
              <td data-label={headers[4]}>{lines(shift.voids)}</td>
              <td data-label={headers[5]}>{lines(shift.refunds)}</td>
              <td data-label={headers[6]}>{lines(shift.tips)}</td>
              <td data-label={headers[7]}>
                {shift.expectedCash && shift.countedCash
                  ? t('shifts.drawerValue', { opening: format.money(shift.openingCash), expected: format.money(shift.expectedCash), counted: format.money(shift.countedCash) })
                  : format.money(shift.openingCash)}
              </td>
              <td data-label={headers[8]} data-over-short={shift.overShort?.minor ?? ''}>
                {shift.overShort ? format.money(shift.overShort) : '–'}
              </td>
            </tr>
          ))}
        </RowTable>
      )}
    </section>
  );
}
