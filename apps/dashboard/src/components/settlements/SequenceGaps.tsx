import type { TerminalSequence } from '../../api/report-types';
import { useFormat } from '../../format/use-format';
import { useT } from '../../i18n/use-t';
import { RowTable } from '../RowTable';
import { useReportSession } from '../../report/report-session';

/** Terminals whose events wait behind a missing sequence now, or that had gaps skipped (a batch over one is a MISMATCH). */
export function SequenceGaps({ sequences }: { readonly sequences: readonly TerminalSequence[] }) {
  const t = useT();
  const { merchant } = useReportSession();
  const format = useFormat(merchant.timeZone);
  if (sequences.length === 0) return <p role="status">{t('gaps.none')}</p>;
  const headers = [t('gaps.terminal'), t('gaps.waitingFor'), t('gaps.held'), t('gaps.since'), t('gaps.skipped')];
  return (
    <RowTable name="gaps" caption={t('settlements.gaps')} headers={headers}>
      {sequences.map((sequence) => (
        <tr key={sequence.terminalId}>
          <th scope="row">{sequence.terminalId}</th>
          <td data-label={headers[1]}>{sequence.nextSequence}</td>
          <td data-label={headers[2]}>{format.count(sequence.parkedCount)}</td>
          <td data-label={headers[3]}>{sequence.waitingSince ? format.dateTime(sequence.waitingSince) : '–'}</td>
          <td data-label={headers[4]}>{t('gaps.skippedValue', { gaps: sequence.skippedGaps, sequences: sequence.skippedSequences })}</td>
        </tr>
      ))}
    </RowTable>
  );
}
