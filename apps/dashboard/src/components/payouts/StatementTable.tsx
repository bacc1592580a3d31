import type { Statement } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import { shortHash } from '../../format/short-hash';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useDownload } from '../../report/use-download';
import { RowTable } from '../RowTable';

const FILES = [
  { format: 'csv', label: 'CSV' },
  { format: 'pdf', label: 'PDF' },
] as const;

/** The period's daily statements (日结单), every version, newest first, each downloadable as issued (CSV or PDF). */
export function StatementTable({ statements }: { readonly statements: readonly Statement[] }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const { busy, error, download } = useDownload();
  if (statements.length === 0) return <p role="status">{t('statements.none')}</p>;
  const headers = [t('statements.date'), t('statements.version'), t('statements.issuedAt'), t('statements.sha256'), t('statements.download')];

  return (
    <>
      <RowTable name="statements" className="statements" caption={t('statements.title')} headers={headers}>
        {[...statements].reverse().map((statement) => (
          <tr key={`${statement.date} ${statement.version}`} data-statement={`${statement.date}#${statement.version}`}>
            <th scope="row">{format.day(statement.date)}</th>
            <td data-label={headers[1]}>{statement.version}</td>
            <td data-label={headers[2]}>{format.dateTime(statement.issuedAt)}</td>
            <td data-label={headers[3]}>
              <code className="mono" title={statement.sha256} data-testid="statement-sha256">
                {shortHash(statement.sha256)}
              </code>
            </td>
            <td data-label={headers[4]}>
              <span className="files">
                {FILES.map((file) => (
                  <button
                    key={file.format}
                    type="button"
                    disabled={busy}
                    onClick={() => void download('statement', { date: statement.date, version: String(statement.version), format: file.format })}
                    aria-label={t('statements.downloadAs', { day: format.day(statement.date), version: statement.version, format: file.label })}
                    data-testid={`statement-${file.format}`}
                  >
                    {file.label}
                  </button>
                ))}
              </span>
            </td>
          </tr>
        ))}
      </RowTable>
      {error && (
        <p className="alert alert-error" role="alert">
          {t('statements.failed')} <span lang="en">{error}</span>
        </p>
      )}
    </>
  );
}
