import { TERMINALS_QUERY } from '../../api/documents';
import type { TerminalStatus } from '../../api/report-types';
import { reconciliationLabel } from '../../i18n/enum-labels';
import { useFormat } from '../../format/use-format';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useReport } from '../../report/use-report';
import { ReportState } from '../ReportState';
import { RowTable } from '../RowTable';

/** The merchant's terminals: online or not, what they run on, their open batch and last settlement (not the period's). */
export function Terminals() {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const report = useReport<{ terminals: TerminalStatus[] }>(TERMINALS_QUERY, {});
  if (!report.data) return <ReportState report={report} />;
  const headers = [t('terminals.status'), t('terminals.operator'), t('terminals.lastSeen'), t('terminals.software'), t('terminals.network'), t('terminals.paper'), t('terminals.openBatch'), t('terminals.lastSettlement')];
  const status = (terminal: TerminalStatus) =>
    terminal.lastSeenAt === null ? t('terminals.neverSeen') : terminal.online ? t('terminals.online') : t('terminals.offline');

  return (
    <section className="card" aria-labelledby="terminals-heading" aria-busy={report.loading}>
      <ReportState report={report} />
      <h2 id="terminals-heading">{t('terminals.title')}</h2>
      <p className="muted">{t('terminals.explain')}</p>
      {report.data.terminals.length === 0 ? (
        <p role="status">{t('terminals.none')}</p>
      ) : (
        <RowTable name="terminals" caption={t('terminals.title')} headers={[t('terminals.terminal'), ...headers]}>
          {report.data.terminals.map((terminal) => (
            <tr key={terminal.terminalId} data-terminal={terminal.terminalId} data-online={terminal.online}>
              <th scope="row">{terminal.terminalId}</th>
              <td data-label={headers[0]}>
                <span className={`badge ${terminal.online ? 'terminal-online' : 'terminal-offline'}`}>{status(terminal)}</span>
              </td>
              <td data-label={headers[1]}>{terminal.operatorId ?? t('terminals.nobody')}</td>
              <td data-label={headers[2]}>{terminal.lastSeenAt ? format.dateTime(terminal.lastSeenAt) : '–'}</td>
              <td data-label={headers[3]}>{terminal.appVersion ?? '–'}</td>
              <td data-label={headers[4]}>
                {terminal.network ? t('terminals.networkValue', { network: terminal.network }) : '–'}
                {terminal.signal === null ? '' : ` · ${t('terminals.signal', { signal: terminal.signal })}`}
              </td>
              <td data-label={headers[5]}>{terminal.paperLow === null ? '–' : terminal.paperLow ? t('terminals.paperLow') : t('terminals.paperOk')}</td>
              <td data-label={headers[6]}>
                {t('terminals.openBatchValue', { sales: terminal.openBatch.sales })}
                {terminal.openBatch.since ? ` · ${format.dateTime(terminal.openBatch.since)}` : ''}
              </td>
              <td data-label={headers[7]}>
                {terminal.lastSettlement
                  ? `${t('terminals.batch', { batch: terminal.lastSettlement.batchNumber })} · ${reconciliationLabel(t, terminal.lastSettlement.status)} · ${format.dateTime(terminal.lastSettlement.closedAt)}`
                  : '–'}
              </td>
            </tr>
          ))}
        </RowTable>
      )}
    </section>
  );
}
