import type { UploadOutcome } from '../../api/back-office-answers';
import { useFormat } from '../../format/use-format';
import { shortHash } from '../../format/short-hash';
import { billSourceLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useReportSession } from '../../report/report-session';

/** What an upload came to: imported (with what matching found), the same file again (nothing changed), or refused and why. */
export function UploadResult({ outcome, fileName }: { readonly outcome: UploadOutcome; readonly fileName: string }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);

  if (outcome.kind === 'refused') {
    return (
      <p className="alert alert-error" role="alert" data-testid="upload-result" data-outcome="refused" {...(outcome.line !== undefined ? { 'data-line': outcome.line } : {})}>
        {outcome.line !== undefined ? t('upload.refusedAt', { line: outcome.line }) : t('upload.refused')} <span lang="en">{outcome.message}</span>
      </p>
    );
  }
  const { answer } = outcome;
  if (outcome.kind === 'unchanged') {
    return (
      <p className="alert" data-testid="upload-result" data-outcome="unchanged">
        {t('upload.unchanged', { sha256: shortHash(answer.sha256) })}
      </p>
    );
  }
  return (
    <p className="alert alert-good" data-testid="upload-result" data-outcome="imported">
      {t('upload.imported', {
        file: fileName,
        source: billSourceLabel(t, answer.source),
        day: format.day(answer.date),
        lines: answer.lines,
        matched: answer.matched,
        discrepancies: answer.discrepancies.length,
      })}
    </p>
  );
}
