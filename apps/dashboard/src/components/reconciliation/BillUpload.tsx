import { useId, useState, type FormEvent } from 'react';
import { BILL_SOURCES, type BillImportAnswer, type BillSource, type UploadOutcome } from '../../api/back-office-answers';
import { useFormat } from '../../format/use-format';
import { billSourceLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';
import { useBackOffice } from '../../report/use-back-office';
import type { CalendarDate } from '../../time/calendar-date';
import { UploadResult } from './UploadResult';

/** The longest file name the API keeps. */
const FILE_NAME_MAX = 200;

interface BillUploadProps {
  readonly day: CalendarDate;
  /** The API recorded the file (or had recorded the same bytes before): the figures are to catch up with it. */
  onImported(answer: BillImportAnswer): void;
}

/** An outside bill's file sent as it is, as the bill of the tab's day, and what the API made of it. */
export function BillUpload({ day, onImported }: BillUploadProps) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  const backOffice = useBackOffice();
  const id = useId();
  const [source, setSource] = useState<BillSource>('wechat-pay');
  const [file, setFile] = useState<File>();
  const [importedBy, setImportedBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ readonly outcome: UploadOutcome; readonly fileName: string }>();

  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || busy) return;
    setBusy(true);
    setResult(undefined);
    const fileName = file.name.slice(0, FILE_NAME_MAX) || `${source}.csv`;
    const outcome = await backOffice.upload({ source, date: day, file, fileName, importedBy: importedBy.trim() || undefined });
    setBusy(false);
    if (!outcome) return;
    setResult({ outcome, fileName });
    if (outcome.kind !== 'refused') onImported(outcome.answer);
  };

  return (
    <div className="upload-card">
      <h3 id={`${id}-heading`}>{t('upload.title')}</h3>
      <p className="muted">{t('upload.explain', { day: format.day(day) })}</p>
      <form className="upload" aria-labelledby={`${id}-heading`} onSubmit={(event) => void upload(event)} data-testid="bill-upload">
        <label>
          <span>{t('upload.source')}</span>
          <select value={source} onChange={(event) => setSource(event.target.value as BillSource)} data-testid="bill-source">
            {BILL_SOURCES.map((option) => (
              <option key={option} value={option}>
                {billSourceLabel(t, option)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('upload.file')}</span>
          <input type="file" accept=".csv,.txt,text/csv,text/plain" required onChange={(event) => setFile(event.target.files?.[0])} data-testid="bill-file" />
        </label>
        <label>
          <span>{t('upload.importedBy')}</span>
          <input type="text" value={importedBy} maxLength={100} autoComplete="name" onChange={(event) => setImportedBy(event.target.value)} data-testid="bill-imported-by" />
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="bill-submit">
          {busy ? t('upload.busy') : t('upload.submit')}
        </button>
      </form>
      <div aria-live="polite">{result && <UploadResult outcome={result.outcome} fileName={result.fileName} />}</div>
    </div>
  );
}
