import type { Transaction } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import { methodLabel, schemeLabel, statusLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

interface TransactionTableProps {
  readonly sales: readonly Transaction[];
  onOpen(sale: { id: string; terminalId: string }): void;
}

/** A page of sales; each opens its history. */
export function TransactionTable({ sales, onOpen }: TransactionTableProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  if (sales.length === 0) return <p role="status">{t('transactions.none')}</p>;
  const headers = [t('sale.time'), t('sale.terminal'), t('sale.method'), t('sale.card'), t('sale.status'), t('sale.amount'), t('sale.refunded')];
  return (
    <table className="sales" data-table="sales">
      <caption className="visually-hidden">{t('transactions.sales')}</caption>
      <thead>
        <tr>
          {headers.map((header, i) => (
            <th key={header} scope="col" className={i >= 5 ? 'number' : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sales.map((sale) => (
          <tr key={`${sale.terminalId} ${sale.id}`} data-sale={sale.id}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onOpen({ id: sale.id, terminalId: sale.terminalId })} aria-label={t('sale.open', { time: format.dateTime(sale.occurredAt) })}>
                {format.dateTime(sale.occurredAt)}
              </button>
            </th>
            <td data-label={headers[1]}>{sale.terminalId}</td>
            <td data-label={headers[2]}>{methodLabel(t, sale.method)}</td>
            <td data-label={headers[3]}>
              {schemeLabel(t, sale.scheme)}
              {sale.maskedPan ? ` ${sale.maskedPan}` : ''}
            </td>
            <td data-label={headers[4]}>
              <span className={`badge status-${sale.status.toLowerCase()}`}>{statusLabel(t, sale.status)}</span>
            </td>
            <td data-label={headers[5]} className="number">
              {format.money(sale.amount)}
            </td>
            <td data-label={headers[6]} className="number">
              {sale.refunded.minor === '0' ? '–' : format.money(sale.refunded)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
