import type { SettlementBatch, SettlementTotal } from '../../api/report-types';
import { methodOrder } from '../../figures/sales-figures';
import { useFormat } from '../../format/use-format';
import { methodLabel, reconciliationLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

const byMethod = (totals: readonly SettlementTotal[]): SettlementTotal[] => {
  const order = methodOrder(totals.map((total) => total.method));
  return [...totals].sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method));
};

const totalOf = (totals: readonly SettlementTotal[], method: string, currency: string) => totals.find((total) => total.method === method && total.amount.currency === currency);

/** Batches with their MATCHED / MISMATCH badge; a mismatch lists what the terminal and the ledger say per method. */
export function BatchList({ batches }: { readonly batches: readonly SettlementBatch[] }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  if (batches.length === 0) return <p role="status">{t('settlements.none')}</p>;

  return (
    <ul className="batches">
      {batches.map((batch) => (
        <li key={`${batch.terminalId} ${batch.batchNumber}`} className={`batch batch-${batch.status.toLowerCase()}`} data-batch={`${batch.terminalId}#${batch.batchNumber}`}>
          <div className="batch-head">
            <span className={`badge reconciliation-${batch.status.toLowerCase()}`} data-testid="batch-status">
              {reconciliationLabel(t, batch.status)}
            </span>
            <strong>{t('settlements.batch', { terminal: batch.terminalId, batch: batch.batchNumber })}</strong>
            <span className="muted">{format.dateTime(batch.closedAt)}</span>
          </div>
          <p>
            {byMethod(batch.ledgerTotals).map((total) => t('settlements.total', { method: methodLabel(t, total.method), count: total.count, amount: format.money(total.amount) })).join(' · ') || t('settlements.empty')}
            {batch.fees.length > 0 && ` · ${t('settlements.fees', { fees: batch.fees.map((fee) => format.money(fee)).join(', ') })}`}
          </p>
          {batch.status === 'MISMATCH' && batch.differences.length === 0 && <p className="alert">{t('settlements.mismatchWithoutDifference')}</p>}
          {batch.differences.length > 0 && (
            <table className="differences" data-table="differences">
              <caption>{t('settlements.differences')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.method')}</th>
                  <th scope="col" className="number">{t('settlements.terminalSays')}</th>
                  <th scope="col" className="number">{t('settlements.ledgerSays')}</th>
                  <th scope="col" className="number">{t('settlements.difference')}</th>
                </tr>
              </thead>
              <tbody>
                {batch.differences.map((difference) => {
                  const currency = difference.amountDifference.currency;
                  const side = (total: SettlementTotal | undefined) =>
                    t('settlements.countAndAmount', { count: total?.count ?? 0, amount: format.money(total?.amount ?? { ...difference.amountDifference, minor: '0' }) });
                  const amount = format.money(difference.amountDifference);
                  return (
                    <tr key={`${difference.method} ${currency}`} data-method={difference.method}>
                      <th scope="row">{methodLabel(t, difference.method)}</th>
                      <td data-label={t('settlements.terminalSays')} className="number">{side(totalOf(batch.terminalTotals, difference.method, currency))}</td>
                      <td data-label={t('settlements.ledgerSays')} className="number">{side(totalOf(batch.ledgerTotals, difference.method, currency))}</td>
                      <td data-label={t('settlements.difference')} className="number" data-testid="difference">
                        {t('settlements.differenceValue', { sign: sign(difference.countDifference), count: Math.abs(difference.countDifference), amount: BigInt(difference.amountDifference.minor) > 0n ? `+${amount}` : amount })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </li>
      ))}
    </ul>
  );
}

const sign = (value: number): string => (value > 0 ? '+' : value < 0 ? '-' : '');
