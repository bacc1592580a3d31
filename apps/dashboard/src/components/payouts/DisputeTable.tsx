import type { Dispute } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import { disputeStatusLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { StatusBadge } from './StatusBadge';
import { disputeTone } from './status-tone';

interface DisputeTableProps {
  readonly disputes: readonly Dispute[];
  onOpen(sale: { id: string; terminalId: string }): void;
}

/** The merchant's disputes (chargebacks), newest first as the API gives them; each opens its sale's history. */
export function DisputeTable({ disputes, onOpen }: DisputeTableProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  if (disputes.length === 0) return <p role="status">{t('disputes.none')}</p>;
  const headers = [t('disputes.id'), t('disputes.sale'), t('disputes.status'), t('disputes.amount'), t('disputes.fee'), t('disputes.reason'), t('disputes.opened'), t('disputes.resolved')];

  return (
    <table className="disputes" data-table="disputes">
      <caption className="visually-hidden">{t('disputes.title')}</caption>
      <thead>
        <tr>
          {headers.map((header, i) => (
            <th key={header} scope="col" className={i === 3 || i === 4 ? 'number' : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {disputes.map((dispute) => (
          <tr key={dispute.id} data-dispute={dispute.id} data-status={dispute.status}>
            <th scope="row">{dispute.id}</th>
            <td data-label={headers[1]}>
              <button type="button" className="link" onClick={() => onOpen({ id: dispute.transactionId, terminalId: dispute.terminalId })} aria-label={t('disputes.openSale', { sale: dispute.transactionId })}>
                <span className="mono">{dispute.transactionId}</span>
              </button>
            </td>
            <td data-label={headers[2]}>
              <StatusBadge tone={disputeTone(dispute.status)} label={disputeStatusLabel(t, dispute.status)} testId="dispute-status" />
            </td>
            <td data-label={headers[3]} className="number" data-testid="dispute-amount">
              {format.money(dispute.amount)}
            </td>
            <td data-label={headers[4]} className="number" data-testid="dispute-fee">
              {format.money(dispute.fee)}
            </td>
            <td data-label={headers[5]}>{dispute.reason}</td>
            <td data-label={headers[6]}>{format.dateTime(dispute.openedAt)}</td>
            <td data-label={headers[7]}>{dispute.resolvedAt ? format.dateTime(dispute.resolvedAt) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
