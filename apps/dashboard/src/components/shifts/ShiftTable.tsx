import type { SettlementTotal, Shift } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import { methodLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { RowTable } from '../RowTable';

/** A row per cashier shift: what it sold, voided, refunded and took in tips, and its drawer at the handover. */
export function ShiftTable({ shifts }: { readonly shifts: readonly Shift[] }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const headers = [t('shifts.operator'), t('shifts.opened'), t('shifts.closed'), t('shifts.sales'), t('shifts.voids'), t('shifts.refunds'), t('shifts.tips'), t('shifts.drawer'), t('shifts.overShort')];
  const lines = (totals: readonly SettlementTotal[]) =>
    totals.length === 0 ? '–' : totals.map((total) => t('shifts.line', { method: methodLabel(t, total.method), count: total.count, amount: format.money(total.amount) })).join('; ');

  return (
    <RowTable name="shifts" caption={t('shifts.title')} headers={[t('terminals.terminal'), ...headers]}>
      {shifts.map((shift) => (
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
  );
}
