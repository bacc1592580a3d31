import type { BillFile } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import { shortHash } from '../../format/short-hash';
import { billSourceLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { RowTable } from '../RowTable';
import { StatusBadge } from '../payouts/StatusBadge';

/** Every bill imported for the day, per source oldest first: who imported it when, what matching found, and whether it is the current one. */
export function BillFileTable({ files }: { readonly files: readonly BillFile[] }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  if (files.length === 0) return <p role="status">{t('billFiles.none')}</p>;
  const headers = [
    t('billFiles.source'), t('billFiles.file'), t('billFiles.importedBy'), t('billFiles.importedAt'), t('billFiles.lines'),
    t('billFiles.matched'), t('billFiles.discrepancies'), t('billFiles.sha256'), t('billFiles.state'),
  ];

  return (
    <RowTable name="bill-files" className="bill-files" caption={t('billFiles.title')} headers={headers} numberColumns={[4, 5, 6]}>
      {files.map((file) => (
        <tr key={`${file.source} ${file.sha256}`} data-file={file.sha256} data-source={file.source} data-current={file.current}>
          <th scope="row" data-testid="file-source">{billSourceLabel(t, file.source)}</th>
          <td data-label={headers[1]} data-testid="file-name">{file.fileName}</td>
          <td data-label={headers[2]} data-testid="file-imported-by">{file.importedBy}</td>
          <td data-label={headers[3]} data-testid="file-imported-at">{format.dateTime(file.importedAt)}</td>
          <td data-label={headers[4]} className="number" data-testid="file-lines">{format.count(file.lines)}</td>
          <td data-label={headers[5]} className="number" data-testid="file-matched">{format.count(file.matched)}</td>
          <td data-label={headers[6]} className="number" data-testid="file-discrepancies">{format.count(file.discrepancies)}</td>
          <td data-label={headers[7]}>
            <code className="mono" title={file.sha256} data-testid="file-sha256">
              {shortHash(file.sha256)}
            </code>
          </td>
          <td data-label={headers[8]}>
            <StatusBadge tone={file.current ? 'good' : 'neutral'} label={t(file.current ? 'billFiles.current' : 'billFiles.superseded')} testId="file-state" />
          </td>
        </tr>
      ))}
    </RowTable>
  );
}
