import type { ThreeWayMatch } from '../../api/report-types';
import { threeWayBySource } from '../../figures/reconciliation-figures';
import type { Money } from '../../format/money';
import { useFormat } from '../../format/use-format';
import { billSourceLabel, reconciliationLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { RowTable } from '../RowTable';
import { StatusBadge } from '../payouts/StatusBadge';
import { matchTone } from '../payouts/status-tone';

/** The three-way match of each current bill: per batch closed that day and for the day, terminal, ledger and bill side by side. */
export function ThreeWayTables({ lines }: { readonly lines: readonly ThreeWayMatch[] }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  if (lines.length === 0) return <p role="status">{t('threeWay.none')}</p>;
  const headers = [t('threeWay.scope'), t('threeWay.terminal'), t('threeWay.ledger'), t('threeWay.bill'), t('threeWay.status')];
  const side = (count: number, amount: Money) => t('settlements.countAndAmount', { count, amount: format.money(amount) });

  return threeWayBySource(lines).map(({ source, lines: ofSource }) => {
    const title = t('threeWay.of', { source: billSourceLabel(t, source) });
    return (
      <div key={source} className="three-way" data-three-way={source}>
        <h3>{title}</h3>
        <RowTable name="three-way" className="three-way-table" caption={title} headers={headers} numberColumns={[1, 2, 3]}>
          {ofSource.map((line) => (
            <tr key={`${line.scope} ${line.terminalId} ${line.batchNumber} ${line.terminalAmount.currency}`} data-scope={line.scope} data-batch={`${line.terminalId}#${line.batchNumber}`} data-status={line.status}>
              <th scope="row" data-testid="three-way-scope">{line.scope === 'DAY' ? t('threeWay.day') : t('settlements.batch', { terminal: line.terminalId, batch: line.batchNumber })}</th>
              <td data-label={headers[1]} className="number" data-testid="three-way-terminal">{side(line.terminalCount, line.terminalAmount)}</td>
              <td data-label={headers[2]} className="number" data-testid="three-way-ledger">{side(line.ledgerCount, line.ledgerAmount)}</td>
              <td data-label={headers[3]} className="number" data-testid="three-way-bill">{side(line.billCount, line.billAmount)}</td>
              <td data-label={headers[4]}>
                <StatusBadge tone={matchTone(line.status)} label={reconciliationLabel(t, line.status)} testId="three-way-status" />
              </td>
            </tr>
          ))}
        </RowTable>
      </div>
    );
  });
}
